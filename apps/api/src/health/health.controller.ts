import { getQueueToken } from '@nestjs/bullmq';
import { Controller, Get, Inject } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ERX_QUEUE } from '@pharmacy/ehr';
import type { Queue } from 'bullmq';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public, PublicationQueries, Reconciler, ShutdownState } from '@pharmacy/platform';
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
    private readonly reconciler: Reconciler,
    private readonly shutdown: ShutdownState,
  ) {}

  /** The process is up and serving; says nothing about its dependencies. */
  @Get('live')
  @Public()
  @ApiOkResponse({ description: 'The process is alive.' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Ready for traffic: PostgreSQL answers. Redis is reported, `degraded` when it does not answer,
   * but never fails the check: approvals still commit, and the registry enqueues their jobs once
   * Redis is back; taking every replica out of the load balancer then would turn a degraded
   * service into an outage. Also reports the event publication backlog and the reconciler's
   * repairs, which inform but never fail the check: a backlog is work owed, not a reason to stop.
   * With jobs on PostgreSQL (BullMQ's own backend), `queues` checks them through BullMQ's pool.
   */
  @Get('ready')
  @Public()
  @HealthCheck()
  @ApiOkResponse({ description: 'PostgreSQL answers; Redis may be degraded.' })
  @ApiServiceUnavailableResponse({ description: 'PostgreSQL does not answer.' })
  ready() {
    return this.health.check([
      // Not ready from the first moment of a shutdown, so the load balancer stops sending traffic.
      () => {
        const indicator = this.indicators.check('process');
        return this.shutdown.isDraining ? indicator.down({ draining: true }) : indicator.up();
      },
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
          .attempt(() => orFallback(this.publications.backlog(), { backlog: 'unknown' }, 1000)),
      () =>
        this.indicators.check('reconciler').attempt(async () => ({ ...this.reconciler.report() })),
    ]);
  }

  private queueCheck() {
    const redis = this.redis;
    if (redis) {
      // Informs, never fails: see above.
      return this.indicators.check('redis').attempt(() =>
        orFallback(
          redis.ping().then(() => ({ degraded: false })),
          { degraded: true },
          1000,
        ),
      );
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

/** The value, or `fallback` if it fails or takes longer than `ms`. */
async function orFallback(
  value: Promise<object>,
  fallback: object,
  ms: number,
): Promise<Record<string, unknown>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<object>((resolve) => (timer = setTimeout(resolve, ms, fallback)));
  try {
    return { ...(await Promise.race([value.catch(() => fallback), late])) };
  } finally {
    clearTimeout(timer);
  }
}
