import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Proves .ci/check-containers.sh bites: it passes on the repository's Dockerfile and
 * docker-compose.yml and fails, naming the command, once they build or start the apps with
 * something that is not a package.json script. Scratch copies only; docker-compose is not needed
 * (CONTAINERS_SKIP_COMPOSE_CONFIG=1 skips its validation step).
 */

const REPO = path.resolve(__dirname, '../..');
const SCRIPT = path.join(REPO, '.ci/check-containers.sh');
const DOCKERFILE = fs.readFileSync(path.join(REPO, 'Dockerfile'), 'utf8');
const COMPOSE = fs.readFileSync(path.join(REPO, 'docker-compose.yml'), 'utf8');

let scratch: string;
beforeAll(() => (scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'check-containers-'))));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function check(files: { dockerfile?: string; compose?: string } = {}) {
  const write = (name: string, content: string) => {
    fs.writeFileSync(path.join(scratch, name), content);
    return path.join(scratch, name);
  };
  const result = spawnSync('bash', [SCRIPT], {
    encoding: 'utf8',
    env: {
      ...process.env,
      CONTAINERS_SKIP_COMPOSE_CONFIG: '1',
      CONTAINERS_DOCKERFILE: write('Dockerfile', files.dockerfile ?? DOCKERFILE),
      CONTAINERS_COMPOSE: write('docker-compose.yml', files.compose ?? COMPOSE),
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
  it('passes on the repository’s Dockerfile and docker-compose.yml', () => {
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
      'a start command that is no script',
      /^CMD .*$/m,
      'CMD ["node", "--inspect", "dist/apps/api/src/main.js"]',
      'node --inspect dist/apps/api/src/main.js',
    ],
  ])('fails on a Dockerfile with %s, naming the command', (_title, from, to, named) => {
    const { status, output } = check({ dockerfile: replaced(DOCKERFILE, from, to) });
    expect(status).toBe(1);
    expect(output).toContain(`check-containers: FAIL: '${named}'`);
  });

  it('fails on a compose service that runs a script package.json does not have', () => {
    const compose = replaced(COMPOSE, 'npm run db:seed', 'npm run db:seed:demo');
    const { status, output } = check({ compose });
    expect(status).toBe(1);
    expect(output).toContain("'npm run db:seed:demo': no such package.json script");
    expect(output).toContain("no container runs 'db:seed'");
  });

  it('fails when no container starts one of the demo’s processes', () => {
    const compose = replaced(
      COMPOSE,
      /command: .*dist\/apps\/worker\/src\/main\.js.*$/m,
      "command: ['sleep', 'infinity']",
    );
    const { status, output } = check({ compose });
    expect(status).toBe(1);
    expect(output).toContain("no container runs 'start:worker'");
  });
});
