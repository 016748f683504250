import * as fs from 'node:fs';
import * as path from 'node:path';
import { ASYNCAPI_PATH, renderAsyncApi } from './asyncapi';
import { bootApps } from './read-apps';
import { findRepoRoot } from './read-contracts';
import { collectCatalog } from './event-catalog';
import { CATALOG_PATH, renderCatalog } from './events-markdown';

/**
 * `npm run docs:events` writes docs/events.md and docs/asyncapi.json from the code. It boots the
 * apps against PostgreSQL (DATABASE_URL) and Redis (REDIS_URL), writing nothing to either.
 */
async function main(): Promise<number> {
  const apps = await bootApps(
    process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0',
  );
  const { catalog, problems } = await Promise.resolve(apps)
    .then(collectCatalog)
    .finally(apps.close);
  if (problems.length > 0) {
    process.stderr.write(`The code and its events disagree:\n- ${problems.join('\n- ')}\n`);
    return 1;
  }
  const root = findRepoRoot();
  fs.writeFileSync(path.join(root, CATALOG_PATH), renderCatalog(catalog));
  fs.writeFileSync(path.join(root, ASYNCAPI_PATH), renderAsyncApi(catalog));
  process.stdout.write(`Wrote ${CATALOG_PATH} and ${ASYNCAPI_PATH}.\n`);
  return 0;
}

// Exit explicitly: a client library keeping a socket open must not hang the build.
main().then(process.exit, (error: Error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
