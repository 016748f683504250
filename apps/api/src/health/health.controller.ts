import { getQueueToken } from '@nestjs/bullmq';
import { Controller, Get, Inject } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ERX_QUEUE } from '@pharmacy/ehr';
import type { Queue } from 'bullmq';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public, PublicationQueries } from '@pharmacy/platform';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';

export const HEALTH_REDIS = Symbol('HEALTH_REDIS');

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    @Inject(HEALTH_REDIS) private readonly redis: Redis | null,
    private readonly modules: ModuleRef,
    private readonly publications: PublicationQueries,
  ) {}

  /** The process is up and serving; says nothing about its dependencies. */
  @Get('live')
  @Public()
  @ApiOkResponse({ description: 'The process is alive.' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Ready for traffic: PostgreSQL and the queue backend both answer (`redis`, or `queues` when
   * BullMQ is on PostgreSQL, through its own pool). Also reports the event publication
   * backlog (pending, failed, age of the oldest pending), which informs but never fails the check:
   * a backlog is work owed, not a reason to stop taking requests.
   */
  @Get('ready')
  @Public()
  @HealthCheck()
  @ApiOkResponse({ description: 'PostgreSQL and the queue backend (Redis or PostgreSQL) answer.' })
  @ApiServiceUnavailableResponse({ description: 'A dependency does not answer.' })
  ready() {
    return this.health.check([
      () =>
        this.indicators
          .check('postgres')
          .attempt(async () => {
            await this.dataSource.query('select 1');
          })
          .withTimeout(2000),
      () => this.queueCheck(),
      () =>
        this.indicators
          .check('eventPublications')
          // Informs, never fails: a backlog is work owed, not a reason to refuse traffic.
          .attempt(() => orUnknown(this.publications.backlog(), 1000)),
    ]);
  }

  private queueCheck() {
    const redis = this.redis;
    if (redis) {
      return this.indicators
        .check('redis')
        .attempt(async () => {
          await redis.ping();
        })
        .withTimeout(2000);
    }
    const queue = this.modules.get<Queue>(getQueueToken(ERX_QUEUE), { strict: false });
    return this.indicators
      .check('queues')
      .attempt(async () => {
        await queue.getJobCounts('waiting');
      })
      .withTimeout(2000);
  }
}

/** The value, or `{ backlog: 'unknown' }` if it fails or takes longer than `ms`. */
async function orUnknown(value: Promise<object>, ms: number): Promise<Record<string, unknown>> {
  const unknown = { backlog: 'unknown' };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof unknown>((resolve) => (timer = setTimeout(resolve, ms, unknown)));
  try {
    return { ...(await Promise.race([value.catch(() => unknown), late])) };
  } finally {
    clearTimeout(timer);
  }
}
