import { INestApplicationContext, Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { PlatformModule, PlatformOptions } from '@pharmacy/platform';
import { testEnv } from './test-env';

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
    .setLogger(new Logger())
    .compile();
  return moduleRef.init();
}
