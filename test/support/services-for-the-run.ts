import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminDatabaseUrl, testDatabaseName } from './test-env';
import { assertBrokerReachable, assertPostgresReachable, assertRedisReachable } from './services';

interface EmbeddedServer {
  readonly port: number;
  url(database: string): string;
  stop(): Promise<void>;
}

/** Handed from global setup to global teardown (they share the main process's globals). */
const run = globalThis as { embeddedPostgres?: { server: EmbeddedServer; folder: string } };

/**
 * The configured PostgreSQL, or, when it does not answer, an embedded PostgreSQL started for this
 * run alone: its own free port and temporary folder, stopped by global teardown, or by its
 * watchdog (which also removes the folder) should the run be interrupted or killed. Returns the
 * test database's URL.
 */
export async function postgresForTheRun(configuredUrl: string): Promise<string> {
  try {
    await assertPostgresReachable(adminDatabaseUrl(configuredUrl));
    return configuredUrl;
  } catch (error) {
    const folder = await mkdtemp(join(tmpdir(), 'pharmacy-test-pg-'));
    const { startEmbeddedPostgres } = await import('../../scripts/embedded-postgres.mjs');
    const server: EmbeddedServer = await startEmbeddedPostgres({
      dataDir: join(folder, 'data'),
      throwaway: folder,
      // Throwaway data: durability off for speed; room for every pool the tests open.
      settings: [
        'fsync=off',
        'synchronous_commit=off',
        'full_page_writes=off',
        'max_connections=300',
      ],
    });
    run.embeddedPostgres = { server, folder };
    say(
      `${(error as Error).message}\n` +
        `The tests run on an embedded PostgreSQL at 127.0.0.1:${server.port}, stopped when they end.`,
    );
    return server.url(testDatabaseName(configuredUrl));
  }
}

export async function stopEmbeddedPostgres(): Promise<void> {
  const embedded = run.embeddedPostgres;
  if (!embedded) return;
  run.embeddedPostgres = undefined;
  await embedded.server.stop();
  await rm(embedded.folder, { recursive: true, force: true });
}

/**
 * Whether Redis answers; when it does not, says why, for the groups that need it to name in
 * their skip. The queue tests then run on the PostgreSQL backend alone.
 */
export async function redisForTheRun(url: string): Promise<string | undefined> {
  try {
    await assertRedisReachable(url);
    return undefined;
  } catch (error) {
    const missing = (error as Error).message;
    say(`${missing}\nThe queue tests run on the PostgreSQL queue backend alone.`);
    return missing;
  }
}

/** Why RabbitMQ is missing from this run, or undefined where it answers. */
export async function brokerForTheRun(url: string): Promise<string | undefined> {
  try {
    await assertBrokerReachable(url);
    return undefined;
  } catch (error) {
    const missing = (error as Error).message;
    say(`${missing}\nThe tests that need RabbitMQ are skipped.`);
    return missing;
  }
}

function say(message: string): void {
  process.stderr.write(`\n${message}\n`);
}
