import { Injectable, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { Subscriptions } from '../events/subscriptions';
import { PlatformMetrics } from './platform-metrics';

interface BacklogRow {
  subscriber: string;
  pending: string;
  processing: string;
  failed: string;
  oldest_pending_seconds: number | null;
}

/**
 * The registry's backlog per subscriber, read from `event_publications` at each scrape: what is
 * owed (pending), being delivered under a live lease (processing), given up (failed), and how
 * long the oldest owed publication has waited (the lag). The table is shared, so every process
 * reports the same figures.
 */
@Injectable()
export class PublicationBacklogCollector implements OnModuleInit {
  private reading: Promise<BacklogRow[]> | undefined;

  constructor(
    private readonly metrics: PlatformMetrics,
    private readonly dataSource: DataSource,
    private readonly subscriptions: Subscriptions,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    const publications = new Gauge({
      name: 'pharmacy_event_publications',
      help: 'Publications not completed, by subscriber and state: pending, processing, failed',
      labelNames: ['subscriber', 'state'] as const,
      registers,
      collect: async () => {
        const rows = await this.read();
        publications.reset();
        for (const row of rows) {
          for (const state of ['pending', 'processing', 'failed'] as const) {
            publications.set({ subscriber: row.subscriber, state }, Number(row[state]));
          }
        }
      },
    });
    const oldest = new Gauge({
      name: 'pharmacy_event_publications_oldest_pending_age_seconds',
      help: 'Age of the oldest publication still owed to a subscriber (0 when none): its lag',
      labelNames: ['subscriber'] as const,
      registers,
      collect: async () => {
        const rows = await this.read();
        oldest.reset();
        for (const row of rows)
          oldest.set({ subscriber: row.subscriber }, row.oldest_pending_seconds ?? 0);
      },
    });
  }

  /** One query per scrape, shared by both gauges while it runs. */
  private read(): Promise<BacklogRow[]> {
    this.reading ??= this.backlog().finally(() => (this.reading = undefined));
    return this.reading;
  }

  /**
   * One row per subscriber this process knows, zeros included (so an alert sees it recover), and
   * per subscriber that is owed anything, known here or not (another process's, or a renamed one).
   */
  private backlog(): Promise<BacklogRow[]> {
    const subscribers = this.subscriptions.all().map((s) => s.subscriber);
    return this.dataSource.query(
      `select s.subscriber,
         count(p.id) filter (where p.status = 'pending'
           and (p.claim_token is null or p.next_attempt_at <= now())) as pending,
         count(p.id) filter (where p.status = 'pending'
           and p.claim_token is not null and p.next_attempt_at > now()) as processing,
         count(p.id) filter (where p.status = 'failed') as failed,
         extract(epoch from now() - min(p.created_at) filter (where p.status = 'pending'))::float
           as oldest_pending_seconds
       from (select unnest($1::text[])
             union
             select distinct subscriber from event_publications
             where status in ('pending', 'failed')) as s(subscriber)
       left join event_publications p
         on p.subscriber = s.subscriber and p.status in ('pending', 'failed')
       group by s.subscriber`,
      [subscribers],
    );
  }
}
