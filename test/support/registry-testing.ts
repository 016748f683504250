import { INestApplicationContext } from '@nestjs/common';
import { RegistryOptions, DEFAULT_REGISTRY_OPTIONS } from '@pharmacy/platform/testing';
import { DataSource } from 'typeorm';
import { bootPlatform } from './platform-app';

/** Registry settings fast enough for tests: retries in milliseconds, a short lease. */
export function fastRegistry(overrides: Partial<RegistryOptions> = {}): RegistryOptions {
  return {
    ...DEFAULT_REGISTRY_OPTIONS,
    retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 },
    leaseMs: 500,
    pollIntervalMs: 20,
    ...overrides,
  };
}

export function bootRegistry(
  overrides: Partial<RegistryOptions> = {},
): Promise<INestApplicationContext> {
  return bootPlatform({ eventBusBackend: 'registry', registry: fastRegistry(overrides) });
}

export interface PublicationRow {
  subscriber: string;
  status: string;
  attempts: number;
  last_error: string | null;
}

export async function publicationsOf(
  app: INestApplicationContext,
  eventId: string,
): Promise<PublicationRow[]> {
  return app
    .get(DataSource)
    .query(
      'select subscriber, status, attempts, last_error from event_publications where event_id = $1 order by subscriber',
      [eventId],
    );
}
