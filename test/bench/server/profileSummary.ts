/**
 * Summarizes a V8 CPU profile (`node --cpu-prof`, or BENCH_CPU_PROF with the server bench):
 * the functions with the most self time, and the files (packages) they belong to.
 *
 *   npx tsx test/bench/server/profileSummary.ts /tmp/prof/CPU.…cpuprofile [top=25] [fromS] [toS]
 *
 * `fromS`/`toS` keep only the samples taken that many seconds after the profile began (the
 * measured window, without start-up and connecting).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** The package or source folder a script URL belongs to. */
function area(url: string): string {
  if (!url) return '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules !== -1) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node';
  const repo = /\/(server|shared|test)\/(.*)$/.exec(url);
  return repo ? `${repo[1]}/${repo[2]}` : url;
}

function main(): void {
  const [file, topArg, fromArg, toArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: profileSummary.ts <file.cpuprofile> [top]');
  const top = Number(topArg ?? 25);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const areas = new Map<string, number>();
  let total = 0;
  const from = Number(fromArg ?? 0) * 1e6;
  const to = Number(toArg ?? Infinity) * 1e6;
  let at = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (at < from || at > to) return;
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const key = `${functionName || '(anonymous)'} ${area(url)}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const where = functionName === '(idle)' ? '(idle)' : area(url);
    areas.set(where, (areas.get(where) ?? 0) + dt);
    total += dt;
  });
  const idle = [...self].filter(([key]) => key.startsWith('(idle)')).reduce((sum, [, t]) => sum + t, 0);
  const busy = total - idle;
  console.log(`${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy`);
  const print = (title: string, entries: Map<string, number>) => {
    console.log(`\n${title} (share of busy time)`);
    for (const [key, t] of [...entries]
      .filter(([k]) => !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top))
      console.log(
        `${((100 * t) / busy).toFixed(1).padStart(5)} %  ${(t / 1000).toFixed(0).padStart(6)} ms  ${key}`,
      );
  };
  print('self time by function', self);
  print('self time by file or package', areas);
}

main();
