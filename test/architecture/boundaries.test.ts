import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Proves the rules in .dependency-cruiser.cjs bite: a scratch copy of the tree gets deliberate
 * violations, dependency-cruiser runs over it exactly as CI does (`depcruise apps libs test
 * --config .dependency-cruiser.cjs`), and each offending file must be reported with exactly the
 * expected rules - no more (a rule that is too broad) and no fewer (a rule that does not bite).
 *
 * Two cruises in all (the clean copy, then the copy with every probe added), so it stays fast.
 */

const REPO = path.resolve(__dirname, '../..');
const DEPCRUISE = path.join(REPO, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const COPIED = ['apps', 'libs', 'test', 'tsconfig.json', 'package.json', '.dependency-cruiser.cjs'];

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: 'error' | 'warn' | 'info' | 'ignore' };
}
interface CruiseResult {
  modules: { source: string }[];
  summary: { error: number; warn: number; violations: Violation[]; totalCruised: number };
}

interface Probe {
  /** What it shows. */
  title: string;
  /** Files to add to the scratch copy: path relative to the repository root -> content. */
  files: Record<string, string>;
  /** File whose violations are checked, and the exact rule names expected from it. */
  from: string;
  rules: string[];
}

const PROBES: Probe[] = [
  // 1. Feature modules never import each other.
  {
    title: 'orders importing the ehr module (even through its index) is a cross-feature import',
    files: {
      'libs/orders/src/arch-probe-cross-feature.ts': "export { EhrModule } from '@pharmacy/ehr';\n",
    },
    from: 'libs/orders/src/arch-probe-cross-feature.ts',
    rules: ['no-cross-feature-imports'],
  },
  {
    title: 'ehr importing identity is a cross-feature import',
    files: {
      'libs/ehr/src/arch-probe-cross-feature.ts':
        "export { IdentityModule } from '@pharmacy/identity';\n",
    },
    from: 'libs/ehr/src/arch-probe-cross-feature.ts',
    rules: ['no-cross-feature-imports'],
  },
  {
    title: 'a brand-new feature module is covered without editing the config',
    files: {
      'libs/arch-probe-feature/src/index.ts': "export { OrdersModule } from '../../orders/src';\n",
    },
    from: 'libs/arch-probe-feature/src/index.ts',
    rules: ['no-cross-feature-imports'],
  },
  {
    title: 'a feature module may import the platform and the contracts',
    files: {
      'libs/orders/src/arch-probe-allowed.ts':
        "export { DomainEvent } from '@pharmacy/platform';\n" +
        "export { OrderPlacedEvent } from '@pharmacy/contracts';\n",
    },
    from: 'libs/orders/src/arch-probe-allowed.ts',
    rules: [],
  },

  // 2. Other libs use a lib only through its public index.ts.
  {
    title: 'a deep import of another feature module breaks both rules 1 and 2',
    files: {
      'libs/ehr/src/arch-probe-deep.ts': "export { Order } from '../../orders/src/order.entity';\n",
    },
    from: 'libs/ehr/src/arch-probe-deep.ts',
    rules: ['lib-only-through-public-surface', 'no-cross-feature-imports'],
  },
  {
    title: 'contracts deep-importing a platform file bypasses its public surface',
    files: {
      'libs/contracts/src/arch-probe-deep.ts':
        "export { DomainEvent } from '../../platform/src/events/domain-event';\n",
    },
    from: 'libs/contracts/src/arch-probe-deep.ts',
    rules: ['lib-only-through-public-surface'],
  },

  // 3. Apps import libs only through their public surfaces.
  {
    title: 'an app deep-importing a feature module internal',
    files: {
      'apps/api/src/arch-probe-deep.ts':
        "export { Order } from '../../../libs/orders/src/order.entity';\n",
    },
    from: 'apps/api/src/arch-probe-deep.ts',
    rules: ['outside-libs-use-public-surfaces'],
  },
  {
    title: 'an app deep-importing a platform internal',
    files: {
      'apps/worker/src/arch-probe-deep.ts':
        "export { DomainEvent } from '../../../libs/platform/src/events/domain-event';\n",
    },
    from: 'apps/worker/src/arch-probe-deep.ts',
    rules: ['outside-libs-use-public-surfaces'],
  },
  {
    title: 'an app importing another app',
    files: {
      'apps/worker/src/arch-probe-other-app.ts':
        "export { loadApiConfig } from '../../api/src/api.config';\n",
    },
    from: 'apps/worker/src/arch-probe-other-app.ts',
    rules: ['apps-do-not-import-other-apps'],
  },

  // 0. The platform's testing entry point is for test code only.
  {
    title: "an app importing the platform's testing entry point",
    files: {
      'apps/worker/src/arch-probe-testing.ts':
        "export { Scenario } from '../../../libs/platform/src/testing';\n",
    },
    from: 'apps/worker/src/arch-probe-testing.ts',
    rules: ['testing-entry-only-in-support-code'],
  },
  {
    title: "a test importing the platform's testing entry point is allowed",
    files: {
      'test/arch-probe/uses-testing.ts':
        "export { Scenario } from '../../libs/platform/src/testing';\n",
    },
    from: 'test/arch-probe/uses-testing.ts',
    rules: [],
  },

  // 4. The platform imports no module; the contracts import only the platform.
  {
    title: 'the platform importing the contracts',
    files: {
      'libs/platform/src/arch-probe-contracts.ts':
        "export { OrderPlacedEvent } from '@pharmacy/contracts';\n",
    },
    from: 'libs/platform/src/arch-probe-contracts.ts',
    rules: ['platform-imports-no-module'],
  },
  {
    title: 'the platform importing a feature module',
    files: {
      'libs/platform/src/arch-probe-feature.ts':
        "export { OrdersModule } from '@pharmacy/orders';\n",
    },
    from: 'libs/platform/src/arch-probe-feature.ts',
    rules: ['platform-imports-no-module'],
  },
  {
    title: 'the contracts importing a feature module',
    files: {
      'libs/contracts/src/arch-probe-feature.ts': "export { EhrModule } from '@pharmacy/ehr';\n",
    },
    from: 'libs/contracts/src/arch-probe-feature.ts',
    rules: ['contracts-import-only-platform'],
  },
  {
    title: 'a lib importing an app',
    files: {
      'libs/platform/src/arch-probe-app.ts':
        "export { loadApiConfig } from '../../../apps/api/src/api.config';\n",
    },
    from: 'libs/platform/src/arch-probe-app.ts',
    rules: ['only-tests-import-apps'],
  },

  // 5. No circular imports.
  {
    title: 'a run-time cycle inside a module',
    files: {
      'libs/orders/src/arch-probe-cycle-a.ts':
        "import { b } from './arch-probe-cycle-b';\nexport const a = (): number => b() + 1;\n",
      'libs/orders/src/arch-probe-cycle-b.ts':
        "import { a } from './arch-probe-cycle-a';\nexport const b = (): number => a() - 1;\n",
    },
    from: 'libs/orders/src/arch-probe-cycle-a.ts',
    rules: ['no-circular'],
  },
  {
    title: 'a cycle closed only by `import type` is a warning, not an error',
    files: {
      'libs/orders/src/arch-probe-type-cycle-a.ts':
        "import { B } from './arch-probe-type-cycle-b';\nexport class A { b = new B(); }\n",
      'libs/orders/src/arch-probe-type-cycle-b.ts':
        "import type { A } from './arch-probe-type-cycle-a';\nexport class B { a?: A; }\n",
    },
    from: 'libs/orders/src/arch-probe-type-cycle-a.ts',
    rules: ['no-circular-type-only'],
  },

  // 6. The test exemption: apps yes, lib internals no.
  {
    title: 'a test deep-importing an app file is allowed',
    files: {
      'test/arch-probe/uses-app.ts':
        "export { createHttpApp } from '../../apps/api/src/http-app';\n",
    },
    from: 'test/arch-probe/uses-app.ts',
    rules: [],
  },
  {
    title: 'a test deep-importing a feature module internal is not',
    files: {
      'test/arch-probe/uses-lib-internal.ts':
        "export { Order } from '../../libs/orders/src/order.entity';\n",
    },
    from: 'test/arch-probe/uses-lib-internal.ts',
    rules: ['outside-libs-use-public-surfaces'],
  },
  {
    title: 'a spec inside a lib may use an app file',
    files: {
      'libs/orders/src/arch-probe-app.spec.ts':
        "export { loadApiConfig } from '../../../apps/api/src/api.config';\n",
    },
    from: 'libs/orders/src/arch-probe-app.spec.ts',
    rules: [],
  },
  {
    title: "a spec inside a lib may not use another feature module's internals",
    files: {
      'libs/orders/src/arch-probe-other-module.spec.ts':
        "export { Encounter } from '../../ehr/src/encounter.entity';\n",
    },
    from: 'libs/orders/src/arch-probe-other-module.spec.ts',
    rules: ['lib-only-through-public-surface', 'no-cross-feature-imports'],
  },

  // 7. Non-test code does not use devDependencies; orphans are flagged.
  {
    title: 'non-test lib code importing a devDependency',
    files: {
      'libs/orders/src/arch-probe-dev-dep.ts': "export { Test } from '@nestjs/testing';\n",
    },
    from: 'libs/orders/src/arch-probe-dev-dep.ts',
    rules: ['not-to-dev-dep'],
  },
  {
    title: 'a spec importing a devDependency is fine',
    files: {
      'apps/api/src/arch-probe-dev-dep.spec.ts': "export { Test } from '@nestjs/testing';\n",
    },
    from: 'apps/api/src/arch-probe-dev-dep.spec.ts',
    rules: [],
  },
  {
    title: 'a file nothing imports and that imports nothing',
    files: { 'libs/orders/src/arch-probe-orphan.ts': 'export const unused = 1;\n' },
    from: 'libs/orders/src/arch-probe-orphan.ts',
    rules: ['no-orphans'],
  },
];

function copyTree(scratch: string): void {
  for (const entry of COPIED) {
    fs.cpSync(path.join(REPO, entry), path.join(scratch, entry), {
      recursive: true,
      filter: (source) => path.basename(source) !== 'node_modules',
    });
  }
  // Resolve packages (and tsconfig's `types`) from the repository's own installation.
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
}

function cruise(cwd: string): CruiseResult {
  const run = spawnSync(
    process.execPath,
    [
      DEPCRUISE,
      'apps',
      'libs',
      'test',
      '--config',
      '.dependency-cruiser.cjs',
      '--output-type',
      'json',
    ],
    { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (run.error) throw run.error;
  try {
    return JSON.parse(run.stdout) as CruiseResult;
  } catch {
    throw new Error(`depcruise exited ${run.status} without JSON output:\n${run.stderr}`);
  }
}

const errors = (result: CruiseResult): Violation[] =>
  result.summary.violations.filter((violation) => violation.rule.severity === 'error');

const rulesFrom = (result: CruiseResult, from: string): string[] =>
  [
    ...new Set(
      result.summary.violations
        .filter((violation) => violation.from === from)
        .map((violation) => violation.rule.name),
    ),
  ].sort();

describe('Architecture boundaries (.dependency-cruiser.cjs)', () => {
  let scratch: string;
  let clean: CruiseResult;
  let probed: CruiseResult;

  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pharmacy-arch-'));
    copyTree(scratch);
    clean = cruise(scratch);

    for (const probe of PROBES) {
      for (const [file, content] of Object.entries(probe.files)) {
        const target = path.join(scratch, file);
        if (fs.existsSync(target)) throw new Error(`probe would overwrite ${file}`);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, content);
      }
    }
    probed = cruise(scratch);
  });

  afterAll(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('passes on the current tree (no error-level violation)', () => {
    expect(clean.summary.totalCruised).toBeGreaterThan(100);
    expect(errors(clean)).toEqual([]);
  });

  it.each(PROBES.map((probe) => [probe.title, probe] as const))('%s', (_title, probe) => {
    // Guard against a vacuous pass: the probe file must have been cruised at all.
    expect(probed.modules.map((module) => module.source)).toContain(probe.from);
    expect(rulesFrom(probed, probe.from)).toEqual([...probe.rules].sort());
  });

  it('fails the run: every error-level violation comes from a probe file', () => {
    const probeFiles = new Set(PROBES.flatMap((probe) => Object.keys(probe.files)));
    expect(probed.summary.error).toBeGreaterThan(0);
    expect(errors(probed).filter((violation) => !probeFiles.has(violation.from))).toEqual([]);
  });

  it('has a probe for every rule in the config', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(path.join(REPO, '.dependency-cruiser.cjs')) as {
      forbidden: { name: string }[];
    };
    const probed = new Set(PROBES.flatMap((probe) => probe.rules));
    expect(config.forbidden.map((rule) => rule.name).filter((name) => !probed.has(name))).toEqual(
      [],
    );
  });
});
