/**
 * Architecture boundaries of the modular monolith, checked in CI:
 *
 *   npx depcruise apps libs test --config .dependency-cruiser.cjs
 *
 * Vocabulary used below:
 * - "platform"       libs/platform: bus, unit of work, http, auth, jobs...
 * - "contracts"      libs/contracts: the event contracts, the only thing feature modules share.
 * - "feature module" every other libs/<name> (identity, orders, ehr, notifications, ...).
 *   The rules are written with regular-expression groups ($1), so a new libs/<name> is picked
 *   up automatically; nothing here lists the feature modules by name.
 * - "public surface" libs/<name>/src/index.ts, imported as @pharmacy/<name>.
 *
 * Paths are matched against the resolved file names, relative to the repository root, so
 * `@pharmacy/orders` is seen as `libs/orders/src/index.ts` and a relative
 * `../../libs/orders/src/order.entity` as `libs/orders/src/order.entity.ts`.
 */

/** libs that are not feature modules. */
const NOT_FEATURE = '^libs/(platform|contracts)/';
/** The public surface of any lib. */
const PUBLIC_SURFACE =
  '^libs/[^/]+/src/index\\.ts$|^libs/platform/src/(telemetry|testing)/index\\.ts$';
/** Test code: the test/ tree and unit specs beside the code. */
const TEST_CODE = ['^test/', '\\.spec\\.ts$'];
/** Code that supports the product without shipping in it: tests, the bench, the docs generator. */
const SUPPORT_CODE = [...TEST_CODE, '^bench/', '^scripts/docs/'];

/* global module -- CommonJS config file; eslint.config.mjs declares CJS globals for *.js/*.mjs only. */

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // 0. The platform's testing entry point (the Scenario API, and the internals that tests, the
    //    bench and the docs generator drive) is for support code only.
    {
      name: 'testing-entry-only-in-support-code',
      comment:
        'libs/platform/src/testing (@pharmacy/platform/testing) is for support code: tests ' +
        '(test/**, *.spec.ts), the bench and the docs generator may import it; production code ' +
        'and the platform itself never do.',
      severity: 'error',
      from: { pathNot: [...SUPPORT_CODE, '^libs/platform/src/testing/'] },
      to: { path: '^libs/platform/src/testing/' },
    },
    // 1. Feature modules never import each other.
    {
      name: 'no-cross-feature-imports',
      comment:
        'A feature module (any libs/<name> except platform and contracts) must not import another ' +
        'feature module, not even its public index.ts. Modules talk through domain events: put ' +
        'the event in libs/contracts and subscribe to it.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/', pathNot: NOT_FEATURE },
      to: { path: '^libs/[^/]+/', pathNot: ['^libs/$1/', NOT_FEATURE] },
    },

    // 2. A lib is used from outside only through its public index.ts.
    {
      name: 'lib-only-through-public-surface',
      comment:
        'Another lib uses libs/<name> only through its public surface ' +
        'libs/<name>/src/index.ts (import it as @pharmacy/<name>). Deep imports such as ' +
        "'libs/orders/src/order.entity' couple to internals; export what is needed from index.ts " +
        '(or, between feature modules, publish an event in libs/contracts instead). Apps and ' +
        'tests are held to the same surface by the rule that follows.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/', pathNot: ['^libs/$1/', PUBLIC_SURFACE] },
    },

    // 3. Whatever lives outside libs/ uses a lib only through its public surface: the principle
    //    of rule 2, for apps (thin hosts, including their *.spec.ts files) and for tests, scripts
    //    and benchmarks alike. What tests may do beyond that follows in rule 6.
    {
      name: 'outside-libs-use-public-surfaces',
      comment:
        'apps/* (thin hosts that wire modules together), tests, scripts and benchmarks import ' +
        'each lib only through its public surface libs/<name>/src/index.ts (@pharmacy/<name>), ' +
        'never a deep path. Unit specs that need internals live beside the code (*.spec.ts) ' +
        'inside the lib itself.',
      severity: 'error',
      from: { path: '^(apps|test|scripts|bench)/' },
      to: { path: '^libs/', pathNot: PUBLIC_SURFACE },
    },

    // 6. Tests: the deliberate, narrow exemption. Test code (test/**, *.spec.ts), scripts and
    //    benchmarks may deep-import apps files (e.g. apps/api/src/http-app.ts, the composition
    //    roots they boot); that is the whole test exemption.
    {
      name: 'only-tests-import-apps',
      comment:
        'libs never depend on apps. Test code (test/**, *.spec.ts), scripts and benchmarks may ' +
        'deep-import apps files on purpose (the composition roots they boot).',
      severity: 'error',
      from: { path: '^libs/', pathNot: TEST_CODE },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-do-not-import-other-apps',
      comment:
        'apps/<name> is a separate deployable host; it must not import another app. Share code ' +
        'through a lib instead. (Test code is exempt, see only-tests-import-apps.)',
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: TEST_CODE },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },

    // 4. The platform knows no module; the contracts know only the platform.
    {
      name: 'platform-imports-no-module',
      comment:
        'libs/platform is the small platform under every module: it must not import a feature ' +
        'module, nor libs/contracts (events extend its DomainEvent, not the other way round).',
      severity: 'error',
      from: { path: '^libs/platform/' },
      to: { path: '^libs/', pathNot: '^libs/platform/' },
    },
    {
      name: 'contracts-import-only-platform',
      comment:
        'libs/contracts holds the event contracts shared by feature modules; of the code in this ' +
        'repository it may import only libs/platform (for the DomainEvent base) - never a ' +
        'feature module, an app or a test.',
      severity: 'error',
      from: { path: '^libs/contracts/' },
      to: { path: '^(apps|libs|test)/', pathNot: '^libs/(contracts|platform)/' },
    },

    // 5. No cycles.
    {
      name: 'no-circular',
      comment:
        'No circular imports (within a module or across modules): they make load order fragile ' +
        '(undefined classes in decorators and DI tokens) and hide what depends on what. Extract ' +
        'the shared piece into its own file. This rule covers every cycle that exists at run ' +
        'time; a cycle closed only by an `import type` is erased by the compiler and reported ' +
        'by no-circular-type-only instead.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-circular-type-only',
      comment:
        'A cycle that is closed only by an `import type` (erased at compile time), e.g. the ' +
        "TypeORM back-reference `@ManyToOne('Order', (order: Order) => ...)` with " +
        '`import type { Order }`. Harmless at run time, so a warning: keep it to entity pairs.',
      severity: 'warn',
      from: {},
      to: { circular: true, via: { dependencyTypes: ['type-only'] } },
    },

    // 7. Production code does not need devDependencies.
    {
      name: 'not-to-dev-dep',
      comment:
        'Non-test code under apps/ and libs/ must not import a package listed only in ' +
        'devDependencies: `npm ci --omit=dev` would leave it out at run time. Move it to ' +
        'dependencies, or keep the import in test code. Type-only imports are allowed (erased).',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: TEST_CODE },
      to: {
        dependencyTypes: ['npm-dev'],
        dependencyTypesNot: ['type-only'],
        pathNot: ['node_modules/@types/'],
      },
    },

    // Optional extra: quiet on the current tree, so kept, but only as a warning.
    {
      name: 'no-orphans',
      comment:
        'A file that imports nothing and is imported by nothing is usually dead code (or a ' +
        'module someone forgot to export from index.ts). Delete it or wire it in.',
      severity: 'warn',
      // Entry points run by path, never imported: jest's reporter, the watchdog node spawns.
      from: {
        orphan: true,
        pathNot: [
          '\\.d\\.ts$',
          '(^|/)\\.[^/]+\\.(js|cjs|mjs|ts|json)$',
          '^test/support/skip-reporter\\.js$',
          '^scripts/watchdog\\.mjs$',
        ],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Compiled output is not source.
    exclude: { path: '^(dist|coverage)/' },
    // See `import type` and type-only re-exports too: they are dependencies as well.
    tsPreCompilationDeps: true,
    // Resolve the @pharmacy/* path aliases.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
