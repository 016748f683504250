import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/**
 * The list of modules is the folders under libs/. Six other places name them (the TypeScript
 * paths, the bench's paths, nest-cli.json, the database list in modules.ts and the two apps'
 * root modules); each must agree with it, so a module added, renamed or removed in one place
 * and forgotten in another fails here instead of at boot, in the build or in the bench.
 */
const REPO = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(REPO, file), 'utf8');
const sorted = (names: Iterable<string>) => [...new Set(names)].sort();
const matches = (text: string, pattern: RegExp) =>
  sorted([...text.matchAll(pattern)].map((m) => m[1]));
/** tsconfig files allow comments; TypeScript reads them as it would. */
const paths = (file: string): Record<string, string[]> =>
  ts.parseConfigFileTextToJson(file, read(file)).config.compilerOptions.paths;

const LIBS = sorted(
  fs
    .readdirSync(path.join(REPO, 'libs'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name),
);
/** Libraries that are not feature modules: no tables, no Nest module of their own in the apps. */
const SHARED = ['contracts', 'platform'];
const FEATURES = LIBS.filter((lib) => !SHARED.includes(lib));
/** Feature modules the worker leaves out: they have no jobs and subscribe to no event. */
const API_ONLY = ['identity'];

describe('The list of modules (the folders under libs/)', () => {
  it('has the features this test assumes', () => {
    expect(FEATURES).toEqual(expect.arrayContaining(API_ONLY));
    expect(LIBS).toEqual(expect.arrayContaining(SHARED));
  });

  it('is the list of aliases in tsconfig.json, each pointing at its folder', () => {
    const aliases = paths('tsconfig.json');
    const roots = Object.keys(aliases).filter((alias) => alias.split('/').length === 2);

    expect(sorted(roots.map((alias) => alias.replace('@pharmacy/', '')))).toEqual(LIBS);
    for (const lib of LIBS) expect(aliases[`@pharmacy/${lib}`]).toEqual([`./libs/${lib}/src`]);
  });

  it('is repeated in bench/tsconfig.json, relative to bench/', () => {
    const expected = Object.entries(paths('tsconfig.json')).map(([alias, targets]) => [
      alias,
      targets.map((target) => target.replace(/^\.\//, '../')),
    ]);

    expect(paths('bench/tsconfig.json')).toEqual(Object.fromEntries(expected));
  });

  it('is the list of libraries in nest-cli.json', () => {
    const projects = JSON.parse(read('nest-cli.json')).projects as Record<
      string,
      { type: string; sourceRoot: string }
    >;
    const libraries = Object.entries(projects).filter(([, project]) => project.type === 'library');

    expect(sorted(libraries.map(([name]) => name))).toEqual(LIBS);
    for (const [name, project] of libraries) expect(project.sourceRoot).toBe(`libs/${name}/src`);
  });

  it("gives the monolith's database every feature module's tables (apps/api/src/modules.ts)", () => {
    expect(matches(read('apps/api/src/modules.ts'), /\b(\w+)Persistence,/g)).toEqual(
      sorted(['platform', ...FEATURES]),
    );
  });

  it('has the API import every feature module', () => {
    expect(matches(read('apps/api/src/api.module.ts'), /from '@pharmacy\/(\w+)'/g)).toEqual(
      sorted(['platform', ...FEATURES]),
    );
  });

  it('has the worker import, and give tables to, every feature module but the API-only ones', () => {
    const worker = read('apps/worker/src/worker.module.ts');
    const expected = sorted(['platform', ...FEATURES.filter((lib) => !API_ONLY.includes(lib))]);

    expect(matches(worker, /from '@pharmacy\/(\w+)'/g)).toEqual(expected);
    expect(matches(worker, /\b(\w+)Persistence[,\]]/g)).toEqual(expected);
  });
});
