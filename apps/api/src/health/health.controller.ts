import { Controller, Get, Inject } from '@nestjs/common';
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
    @Inject(HEALTH_REDIS) private readonly redis: Redis,
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
   * Ready for traffic: PostgreSQL and Redis both answer. Also reports the event publication
   * backlog (pending, failed, age of the oldest pending), which informs but never fails the check:
   * a backlog is work owed, not a reason to stop taking requests.
   */
  @Get('ready')
  @Public()
  @HealthCheck()
  @ApiOkResponse({ description: 'PostgreSQL and Redis answer.' })
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
      () =>
        this.indicators
          .check('redis')
          .attempt(async () => {
            await this.redis.ping();
          })
          .withTimeout(2000),
      () =>
        this.indicators
          .check('eventPublications')
          // Informs, never fails: a backlog is work owed, not a reason to refuse traffic.
          .attempt(() => orUnknown(this.publications.backlog(), 1000)),
    ]);
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
