import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ASYNCAPI_PATH, buildAsyncApi, renderAsyncApi } from './asyncapi';
import { bootApps, collectCatalog, findRepoRoot } from './collect-catalog';
import { CATALOG_PATH, renderCatalog } from './event-catalog';

/**
 * `npm run docs:events` writes docs/events.md and docs/asyncapi.json from the code;
 * `npm run docs:events -- --check` writes nothing and fails if either differs from what the code says.
 *
 * Boots the API and the worker apps (no HTTP server, no job processing) against PostgreSQL and
 * Redis: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) and REDIS_URL
 * (default redis://127.0.0.1:6379/0). Nothing is written to either.
 */
async function main(args: readonly string[]): Promise<number> {
  if (args.some((arg) => arg !== '--check')) {
    process.stderr.write(`Unknown argument in "${args.join(' ')}". Usage: docs:events [--check]\n`);
    return 2;
  }
  const check = args.includes('--check');
  const repoRoot = findRepoRoot();
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';
  const apps = await bootApps({ databaseUrl, redisUrl }).catch((error: Error) => {
    // Never echo a password that the URL may carry.
    const shown = (url: string) => url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
    throw new Error(
      `The event catalog boots the API and worker apps, which need PostgreSQL (DATABASE_URL, now ` +
        `${shown(databaseUrl)}) and Redis (REDIS_URL, now ${shown(redisUrl)}). Booting failed:\n` +
        (error.stack ?? String(error)),
    );
  });
  const { catalog, problems } = await Promise.resolve()
    .then(() => collectCatalog(apps, repoRoot))
    .finally(() => apps.close());
  if (problems.length > 0) {
    process.stderr.write(
      `The event catalog found ${problems.length} problem(s) in the code; ${CATALOG_PATH} was ` +
        `not ${check ? 'checked' : 'written'}:\n${problems.map((p) => `  - ${p}\n`).join('')}`,
    );
    return 1;
  }

  let code = 0;
  for (const [file, content] of [
    [CATALOG_PATH, renderCatalog(catalog)],
    [ASYNCAPI_PATH, renderAsyncApi(buildAsyncApi(catalog))],
  ]) {
    const target = path.join(repoRoot, file);
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
    if (current === content) {
      process.stdout.write(`${file} is up to date.\n`);
    } else if (check) {
      process.stderr.write(
        `${file} is ${current === null ? 'missing' : 'stale'}: run npm run docs:events\n`,
      );
      code = 1;
    } else {
      fs.writeFileSync(target, content);
      process.stdout.write(`Wrote ${file}.\n`);
    }
  }
  return code;
}

// Exit explicitly: a client library keeping a socket open must not hang the build.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
