import { startEmbeddedPostgres } from './scripts/embedded-postgres.mjs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
const t0 = Date.now();
const dir = process.argv[3] ?? await mkdtemp(join(tmpdir(), 'ep12-'));
const server = await startEmbeddedPostgres({ dataDir: join(dir, 'data') });
console.log('started in', Date.now() - t0, 'ms on', server.port, server.pid);
const c = new pg.Client(server.url('postgres')); await c.connect(); console.log((await c.query('select version()')).rows[0].version.slice(0,20)); await c.end();
if (process.argv[2] === 'kill') { console.log('dying'); process.kill(process.pid, 'SIGKILL'); }
if (process.argv[2] === 'hold') await new Promise(r => setTimeout(r, 3000));
await server.stop(); console.log('stopped in', Date.now() - t0);
