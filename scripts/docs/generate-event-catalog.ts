import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bootApps, collectCatalog, findRepoRoot } from './collect-catalog';
import { ASYNCAPI_PATH, buildAsyncApi, renderAsyncApi } from './asyncapi';
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
  const unknown = args.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(
      `Unknown argument ${unknown.join(' ')}. Usage: generate-event-catalog [--check]\n`,
    );
    return 2;
  }
  const check = args.includes('--check');
  const repoRoot = findRepoRoot();
  const services = {
    databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0',
  };

  let apps;
  try {
    apps = await bootApps(services);
  } catch (error) {
    process.stderr.write(
      'The event catalog boots the API and worker apps, which need PostgreSQL (DATABASE_URL, ' +
        `now ${redact(services.databaseUrl)}) and Redis (REDIS_URL, now ${redact(services.redisUrl)}). ` +
        `Booting failed:\n${(error as Error).stack ?? String(error)}\n`,
    );
    return 1;
  }
  let result;
  try {
    result = collectCatalog(apps, repoRoot);
  } finally {
    await apps.close();
  }

  if (result.problems.length > 0) {
    process.stderr.write(
      `The event catalog found ${result.problems.length} problem(s) in the code; ` +
        `${CATALOG_PATH} was not ${check ? 'checked' : 'written'}:\n` +
        result.problems.map((problem) => `  - ${problem}\n`).join(''),
    );
    return 1;
  }

  const outputs = [
    { file: CATALOG_PATH, content: renderCatalog(result.catalog) },
    { file: ASYNCAPI_PATH, content: renderAsyncApi(buildAsyncApi(result.catalog)) },
  ];
  let code = 0;
  for (const { file, content } of outputs) {
    code = Math.max(code, sync(path.join(repoRoot, file), file, content, check));
  }
  return code;
}

/** Writes one generated file, or with `check` only compares it; returns the exit code. */
function sync(target: string, name: string, content: string, check: boolean): number {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
  if (check) {
    if (current === content) {
      process.stdout.write(`${name} is up to date.\n`);
      return 0;
    }
    process.stderr.write(
      `${name} is ${current === null ? 'missing' : 'stale'}: run npm run docs:events\n`,
    );
    return 1;
  }
  if (current === content) {
    process.stdout.write(`${name} is already up to date.\n`);
    return 0;
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, content);
  process.stdout.write(`Wrote ${name}.\n`);
  return 0;
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}

// Exit explicitly: a client library keeping a socket open must not hang the build.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
