import { ConsoleLogger, INestApplicationContext, LogLevel } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EventBusBackend, PlatformModule } from '@pharmacy/platform';
import { PlatformOptions } from '@pharmacy/platform/testing';
import { testEnv } from './test-env';

/** Every backend must pass the same platform tests. */
export const BACKENDS: EventBusBackend[] = ['memory', 'registry'];

/** Boots only the platform (database, unit of work, bus) against the test database. */
export async function bootPlatform(
  overrides: Partial<PlatformOptions> = {},
): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot({
        database: { type: 'postgres', url: testEnv.databaseUrl, poolSize: 20 },
        ...overrides,
      }),
    ],
  })
    .setLogger(
      new ConsoleLogger({
        logLevels: (process.env.TEST_LOG_LEVELS ?? 'fatal').split(',') as LogLevel[],
      }),
    )
    .compile();
  return moduleRef.init();
}
