#!/usr/bin/env node
// `npm start`: the whole demo on this machine, with nothing installed but Node 24.
//
// PostgreSQL is DATABASE_URL if set, else an embedded PostgreSQL whose data lives in
// .data/postgres (ignored by git, kept between runs; delete the folder to start afresh). Jobs go
// to Redis if REDIS_URL is set, else to BullMQ's PostgreSQL backend (QUEUE_BACKEND overrides).
// Then the migrations and the idempotent seed, and the fake partners, the worker and the API,
// every log line labelled with its process. Ctrl-C stops the apps, then the database.
// Settings: PORT (the API, default 3000); any variable of .env.example.
/* global fetch, setTimeout, URL */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, guard, startEmbeddedPostgres, stopProcess } from './embedded-postgres.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const APPS = {
  'fake-partners': 'dist/apps/fake-partners/src/main.js',
  worker: 'dist/apps/worker/src/main.js',
  api: 'dist/apps/api/src/main.js',
};
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

const running = new Map();
let database;
let stopping = false;

async function main() {
  const env = { ...process.env };
  if (!env.DATABASE_URL) {
    say('start', 'starting the embedded PostgreSQL (data in .data/postgres)');
    database = await startEmbeddedPostgres({ dataDir: join(ROOT, '.data', 'postgres') });
    await createDatabaseIfMissing(database.url('postgres'), 'pharmacy');
    env.DATABASE_URL = database.url('pharmacy');
    say('start', `PostgreSQL is up on 127.0.0.1:${database.port}`);
  }
  const partnersUrl = `http://127.0.0.1:${await freePort()}`;
  Object.assign(env, {
    PORT: env.PORT ?? '3000',
    // A demo: a fresh signing key per run, demo mode (dev login, demo users) and the dashboard on.
    JWT_SECRET: env.JWT_SECRET ?? randomBytes(32).toString('base64url'),
    DEMO_MODE: env.DEMO_MODE ?? 'true',
    QUEUES_DASHBOARD: env.QUEUES_DASHBOARD ?? 'true',
    ERX_BASE_URL: env.ERX_BASE_URL ?? partnersUrl,
    PHARMACY_BASE_URL: env.PHARMACY_BASE_URL ?? partnersUrl,
    FAKE_PARTNERS_PORT: new URL(partnersUrl).port,
    FAKE_PARTNERS_HOST: '127.0.0.1',
  });

  await runToEnd('migrate', 'dist/apps/api/src/cli/migrate.js', env);
  await runToEnd('seed', 'dist/apps/api/src/cli/seed.js', env);
  for (const [name, entry] of Object.entries(APPS)) running.set(name, launch(name, entry, env));
  guard([...running.values()].map((child) => ({ pid: child.pid, signal: 'SIGTERM' })));

  const api = `http://localhost:${env.PORT}`;
  await untilReady(`${api}/api/health/ready`);
  const queues = env.REDIS_URL && env.QUEUE_BACKEND !== 'postgres' ? 'Redis' : 'PostgreSQL';
  process.stdout.write(
    [
      '',
      `Ready: the API, the worker (jobs on ${queues}) and the fake partners.`,
      `  API docs          ${api}/api/docs`,
      `  The whole flow    npm run demo   (in a second terminal)`,
      `  Postman           postman/telehealth-pharmacy.postman_collection.json`,
      `                    with postman/local.postman_environment.json, or: npm run postman`,
      `  Queues dashboard  ${api}/admin/queues?token=<admin access token> (see README)`,
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

/** Runs a built script to completion, its output labelled; fails if it fails. */
async function runToEnd(name, entry, env) {
  const child = launch(name, entry, env);
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${name} failed (exit code ${code})`);
}

/** Starts a built app in a process group of its own: Ctrl-C reaches this script only. */
function launch(name, entry, env) {
  const child = spawn(process.execPath, [join(ROOT, entry)], {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => say(name, line));
  }
  child.once('exit', (code, signal) => {
    if (!running.has(name) || stopping) return;
    say('start', `${name} exited (${signal ?? code}); stopping everything`);
    stop(1);
  });
  return child;
}

async function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  // The apps first, so they finish their work while the database is still there.
  await Promise.all(
    [...running.values()].map((child) => stopProcess(child, 'SIGTERM', STOP_TIMEOUT_MS)),
  );
  if (database) {
    say('start', 'stopping PostgreSQL');
    await database.stop();
  }
  say('start', 'stopped');
  process.exit(exitCode);
}

async function createDatabaseIfMissing(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount === 0) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

async function untilReady(url) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (
    !(await fetch(url).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (stopping) return;
    if (Date.now() > deadline) throw new Error(`${url} not ready after ${READY_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function say(name, text) {
  for (const line of String(text).split('\n'))
    process.stdout.write(`${name.padEnd(13)} | ${line}\n`);
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
main().catch((error) => {
  say('start', error.message);
  stop(1);
});
