import { readFileSync } from 'node:fs';

/**
 * Summarizes V8 .cpuprofile files (from `node --cpu-prof`, or BENCH_CPU_PROF=api,worker):
 * where the samples fell, by package and by function, self and inclusive.
 *
 *   node dist-bench/bench/profile-summary.js bench/results/profiles/api-*.cpuprofile [--top=25]
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where code comes from: a package, the app's own code, Node itself, or V8's bookkeeping. */
function packageOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 14).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const app = /\/(libs\/[^/]+|apps\/[^/]+|bench)\//.exec(url);
  return app ? app[1] : url;
}

function frameKey(frame: CallFrame): string {
  const file = frame.url.replace(/^.*\/node_modules\//, '').replace(/^.*\/dist(-bench)?\//, '');
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

function summarize(path: string, top: number): string {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);

  const selfByFunction = new Map<string, number>();
  const selfByPackage = new Map<string, number>();
  const inclusiveByFunction = new Map<string, number>();
  const inclusiveByPackage = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    total += delta;
    const node = byId.get(id)!;
    const add = (map: Map<string, number>, key: string) =>
      map.set(key, (map.get(key) ?? 0) + delta);
    add(selfByFunction, frameKey(node.callFrame));
    add(selfByPackage, packageOf(node.callFrame));
    const functions = new Set<string>();
    const packages = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (frame.functionName === '(root)') continue;
      functions.add(frameKey(frame));
      packages.add(packageOf(frame));
    }
    functions.forEach((key) => add(inclusiveByFunction, key));
    packages.forEach((key) => add(inclusiveByPackage, key));
  });

  const idle = selfByPackage.get('(idle)') ?? 0;
  const busy = total - idle;
  const table = (title: string, map: Map<string, number>, of: number) =>
    [
      `${title}`,
      ...[...map.entries()]
        .filter(([key]) => key !== '(idle)' && key !== '(root)')
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(
          ([key, us]) =>
            `  ${((us / of) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`,
        ),
    ].join('\n');
  return [
    `== ${path}`,
    `wall ${(total / 1e6).toFixed(1)} s, busy (not idle) ${(busy / 1e6).toFixed(1)} s = ${((busy / total) * 100).toFixed(0)}%; percentages below are of busy time`,
    table('-- self time by package', selfByPackage, busy),
    table(
      '-- inclusive time by package (a package counted once per sample)',
      inclusiveByPackage,
      busy,
    ),
    table('-- self time by function', selfByFunction, busy),
    table('-- inclusive time by function', inclusiveByFunction, busy),
  ].join('\n');
}

const args = process.argv.slice(2);
const top = Number(args.find((a) => a.startsWith('--top='))?.slice(6) ?? 25);
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  process.stderr.write(
    'usage: node dist-bench/bench/profile-summary.js FILE.cpuprofile... [--top=N]\n',
  );
  process.exit(2);
}
for (const file of files) process.stdout.write(`${summarize(file, top)}\n\n`);
