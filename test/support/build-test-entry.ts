import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const CONFIG = join(__dirname, 'tsconfig.faults.json');

/**
 * Builds the test entry point that boots the API with fault points (api-with-faults.ts) into
 * dist-test, apart from production's dist. `tsc -b` returns at once when nothing changed.
 */
export function buildTestEntry(): void {
  const run = (bin: string, ...args: string[]) =>
    execFileSync(process.execPath, [join(ROOT, 'node_modules', bin), ...args], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  run('typescript/bin/tsc', '-b', CONFIG);
  run('tsc-alias/dist/bin/index.js', '-p', CONFIG);
}
