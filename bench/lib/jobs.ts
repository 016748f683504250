import {
  DEFAULT_JOB_POLICY,
  jobOptions,
  postgresQueueConnection,
  redisConnection,
} from '@pharmacy/platform';
import type { QueueBackend } from '@pharmacy/platform';
import { createPostgresBackend, Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import type { BenchConfig } from './config';
import { Stack } from './stack';
import { until } from './stats';

/** The concurrency of the app's processors (@Processor(..., { concurrency: 8 })). */
export const PROCESSOR_CONCURRENCY = 8;

export const NOOP_QUEUE = 'bench-noop';

/** BullMQ's own timestamps of a job, ms since the epoch (Redis hash `bull:<queue>:<id>`). */
export interface JobTimes {
  readonly added: number;
  readonly processedOn: number;
  readonly finishedOn: number;
}

export async function jobTimes(redisUrl: string, queue: string, ids: readonly string[]) {
  const redis = new Redis(redisConnection(redisUrl, 'worker'));
  try {
    const pipeline = redis.pipeline();
    for (const id of ids)
      pipeline.hmget(`bull:${queue}:${id}`, 'timestamp', 'processedOn', 'finishedOn');
    const replies = (await pipeline.exec()) ?? [];
    return replies.map(([error, fields], index): JobTimes => {
      if (error) throw error;
      const [added, processedOn, finishedOn] = (fields as (string | null)[]).map(Number);
      if (!added) throw new Error(`job ${queue}:${ids[index]} not found in Redis`);
      return { added, processedOn, finishedOn };
    });
  } finally {
    redis.disconnect();
  }
}

/** The same timestamps from BullMQ's PostgreSQL backend (table `bullmq.job`). */
export async function postgresJobTimes(databaseUrl: string, queue: string, ids: readonly string[]) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; a: string; p: string; f: string }>(
      `select id, added_at_ms as a, processed_at_ms as p, finished_at_ms as f
       from bullmq.job where queue = $1 and id = any($2)`,
      [queue, ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id): JobTimes => {
      const row = byId.get(id);
      if (!row) throw new Error(`job ${queue}:${id} not found in bullmq.job`);
      return { added: Number(row.a), processedOn: Number(row.p), finishedOn: Number(row.f) };
    });
  } finally {
    await client.end();
  }
}

export function jobTimesOn(
  backend: QueueBackend,
  config: BenchConfig,
  queue: string,
  ids: readonly string[],
) {
  return backend === 'redis'
    ? jobTimes(config.redisUrl, queue, ids)
    : postgresJobTimes(config.databaseUrl, queue, ids);
}

export function producerQueue(redisUrl: string, name: string): Queue {
  return new Queue(name, { connection: redisConnection(redisUrl, 'producer') });
}

export function producerQueueOn(backend: QueueBackend, config: BenchConfig, name: string): Queue {
  if (backend === 'redis') return producerQueue(config.redisUrl, name);
  return new Queue(
    name,
    { connection: postgresQueueConnection(config.databaseUrl) as never },
    createPostgresBackend as never,
  );
}

/** Runs of the no-op job, processed by the worker process at the processors' concurrency. */
export class NoopJobs {
  private static runs = 0;
  private readonly queue: Queue;
  /** Job ids are unique per run: a retained job with the same id would make add() a no-op. */
  private readonly prefix = `noop-${Date.now()}-${NoopJobs.runs++}`;
  private next = 0;

  constructor(
    private readonly stack: Stack,
    private readonly redisUrl: string,
    private readonly lanes: number,
  ) {
    this.queue = producerQueue(redisUrl, NOOP_QUEUE);
  }

  private add(): Promise<string> {
    const id = `${this.prefix}-${this.next++}`;
    return this.queue
      .add('noop', { n: this.next }, jobOptions(DEFAULT_JOB_POLICY, id))
      .then(() => id);
  }

  private async addMany(count: number): Promise<string[]> {
    const ids: string[] = [];
    let left = count;
    await Promise.all(
      Array.from({ length: this.lanes }, async () => {
        while (left > 0) {
          left--;
          ids.push(await this.add());
        }
      }),
    );
    return ids;
  }

  private async waitDone(ids: readonly string[]): Promise<JobTimes[]> {
    let times: JobTimes[] = [];
    await until(
      `${ids.length} no-op jobs to finish`,
      async () => {
        times = await jobTimes(this.redisUrl, NOOP_QUEUE, ids);
        return times.every((t) => t.finishedOn > 0);
      },
      120_000,
    );
    return times;
  }

  start(): Promise<unknown> {
    return this.stack.worker.call('noop-start', {
      queue: NOOP_QUEUE,
      concurrency: PROCESSOR_CONCURRENCY,
    });
  }

  stop(): Promise<unknown> {
    return this.stack.worker.call('noop-stop');
  }

  /** Jobs added at full speed by `lanes` producers while the worker runs: first add → last done. */
  async endToEnd(count: number) {
    const ids = await this.addMany(count);
    const times = await this.waitDone(ids);
    const first = Math.min(...times.map((t) => t.added));
    const last = Math.max(...times.map((t) => t.finishedOn));
    return { count, first, last, perSecond: (count / (last - first)) * 1000 };
  }

  /** Jobs queued while the queue is paused, then drained: first pick-up → last done. */
  async drain(count: number) {
    await this.queue.pause();
    const ids = await this.addMany(count);
    await this.queue.resume();
    const times = await this.waitDone(ids);
    const first = Math.min(...times.map((t) => t.processedOn));
    const last = Math.max(...times.map((t) => t.finishedOn));
    return { count, first, last, perSecond: (count / (last - first)) * 1000 };
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
