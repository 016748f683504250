import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Proves .ci/check-containers.sh bites: it passes on the repository's Dockerfile and
 * docker-compose.yml against a CI script that runs the CI commands, and fails, naming the
 * command, once the containers and CI disagree. Scratch copies only; docker-compose is not needed
 * (CONTAINERS_SKIP_COMPOSE_CONFIG=1 skips its validation step).
 */

const REPO = path.resolve(__dirname, '../..');
const SCRIPT = path.join(REPO, '.ci/check-containers.sh');
const DOCKERFILE = fs.readFileSync(path.join(REPO, 'Dockerfile'), 'utf8');
const COMPOSE = fs.readFileSync(path.join(REPO, 'docker-compose.yml'), 'utf8');

/** What CI runs, as .ci/run will once it builds and starts the apps. */
const CI_RUN = [
  '#!/usr/bin/env bash',
  'set -euo pipefail',
  'npm ci && npm test',
  'npm run build',
  'npm run db:migrate && npm run db:seed',
  'npm run start:fake-partners > fake-partners.log 2>&1 &',
  'PORT=3000 npm run start:api > api.log 2>&1 &',
  'npm run start:worker > worker.log 2>&1 &',
  'npm run db:migrate:notifications && npm run start:notifications > notifications.log 2>&1 &',
  '',
].join('\n');

let scratch: string;

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'check-containers-'));
});

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function check(files: { dockerfile?: string; compose?: string; ciRun?: string } = {}) {
  const write = (name: string, content: string) => {
    const file = path.join(scratch, name);
    fs.writeFileSync(file, content);
    return file;
  };
  const result = spawnSync('bash', [SCRIPT], {
    encoding: 'utf8',
    env: {
      ...process.env,
      CONTAINERS_SKIP_COMPOSE_CONFIG: '1',
      CONTAINERS_DOCKERFILE: write('Dockerfile', files.dockerfile ?? DOCKERFILE),
      CONTAINERS_COMPOSE: write('docker-compose.yml', files.compose ?? COMPOSE),
      CONTAINERS_CI_RUN: write('ci-run', files.ciRun ?? CI_RUN),
    },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** `text` with `from` replaced, failing if `from` is not there (so a probe cannot go stale). */
function replaced(text: string, from: string | RegExp, to: string): string {
  const changed = text.replace(from, to);
  expect(changed).not.toBe(text);
  return changed;
}

describe('.ci/check-containers.sh', () => {
  it('passes when the containers build and start the apps the way CI does', () => {
    const { status, output } = check();
    expect(output).toContain('check-containers: OK');
    expect(status).toBe(0);
  });

  it.each([
    [
      'a renamed build script',
      'RUN npm run build\n',
      'RUN npm run build:prod\n',
      'npm run build:prod',
    ],
    ['npm install for npm ci', 'RUN npm ci\n', 'RUN npm install\n', 'npm install'],
    [
      'a compiler run directly',
      'RUN npm run build\n',
      'RUN npx tsc -p tsconfig.build.json\n',
      'npx tsc -p tsconfig.build.json',
    ],
    [
      'a start command that is no package.json script',
      /^CMD .*$/m,
      'CMD ["node", "--inspect", "dist/apps/api/src/main.js"]',
      'node --inspect dist/apps/api/src/main.js',
    ],
  ])('fails on a Dockerfile with %s, naming the command', (_title, from, to, named) => {
    const { status, output } = check({ dockerfile: replaced(DOCKERFILE, from, to) });
    expect(status).toBe(1);
    expect(output).toContain('check-containers: FAIL');
    expect(output).toContain(`'${named}'`);
  });

  it('fails on a compose service started some other way, naming the command', () => {
    const compose = replaced(
      COMPOSE,
      /command: .*dist\/apps\/worker\/src\/main\.js.*$/m,
      "command: ['node', 'dist/apps/worker/src/worker-dev.js']",
    );
    const { status, output } = check({ compose });
    expect(status).toBe(1);
    expect(output).toContain("'node dist/apps/worker/src/worker-dev.js'");
  });

  it('fails when CI stops running a command the containers use, also when commented out', () => {
    const ciRun = replaced(CI_RUN, 'npm run start:worker', '# npm run start:worker');
    const { status, output } = check({ ciRun });
    expect(status).toBe(1);
    expect(output).toContain("does not run 'npm run start:worker'");
  });

  it('tells `npm ci` from `npm ci --omit=dev` in CI', () => {
    const ciRun = replaced(CI_RUN, 'npm ci && npm test', 'npm ci --omit=dev && npm test');
    const { status, output } = check({ ciRun });
    expect(status).toBe(1);
    expect(output).toContain("does not run 'npm ci'");
  });
});
