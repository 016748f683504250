// node watchdog.mjs <owner pid> <pid>:<signal>... [--remove <folder>]
//
// Started detached by scripts/embedded-postgres.mjs and scripts/start.mjs. Once the owner process
// is gone (however it died), sends each process its signal (PostgreSQL: SIGINT, a fast shutdown;
// the apps: SIGTERM), and SIGKILL to any still running 15 s later. Exits when none is left,
// removing `folder` first if the owner died (a test run's throwaway database).
/* global setInterval */
import { rmSync } from 'node:fs';

const args = process.argv.slice(2);
const removeAt = args.indexOf('--remove');
const folder = removeAt >= 0 ? args.splice(removeAt, 2)[1] : undefined;
const [owner, ...targets] = args;
const processes = targets.map((target) => {
  const [pid, signal] = target.split(':');
  return { pid: Number(pid), signal };
});
const GRACE_MS = 15_000;

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function send(pid, signal) {
  try {
    process.kill(pid, process.platform === 'win32' ? 'SIGTERM' : signal);
  } catch {
    // already gone
  }
}

let orphanedAt;
setInterval(() => {
  const running = processes.filter(({ pid }) => alive(pid));
  if (running.length === 0) {
    if (orphanedAt !== undefined && folder) rmSync(folder, { recursive: true, force: true });
    process.exit(0);
  }
  if (orphanedAt === undefined) {
    if (alive(Number(owner))) return;
    orphanedAt = Date.now();
    for (const { pid, signal } of running) send(pid, signal);
  } else if (Date.now() - orphanedAt > GRACE_MS) {
    for (const { pid } of running) send(pid, 'SIGKILL');
  }
}, 250);
