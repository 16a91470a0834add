// Summarises a V8 .cpuprofile (node --cpu-prof) by self time: per package / source area and per function.
// Used by bench/run.ts when BENCH_CPU_PROF=1; also runnable on its own:
//   npx tsx bench/cpuprofile.ts .bench/cpuprof-…/CPU.….cpuprofile [topN]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame { functionName: string; url: string; lineNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

/** node_modules/<pkg> (or @scope/pkg), node:internals, src/<area>, bench, or a V8 pseudo-frame. */
export function areaOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const src = /\/src\/(.+)$/.exec(url);
  if (src) return 'src/' + path.dirname(src[1]);
  if (url.includes('/bench/')) return 'bench';
  return url;
}

export function summarise(file: string, topN = 25): string {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idleIds = new Set(prof.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  const idle = [...idleIds].reduce((a, id) => a + (self.get(id) ?? 0), 0);
  const busy = total - idle;
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, us] of self) {
    if (idleIds.has(id)) continue;
    const n = byId.get(id)!;
    const a = areaOf(n.callFrame.url, n.callFrame.functionName);
    areas.set(a, (areas.get(a) ?? 0) + us);
    const short = n.callFrame.url ? n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(src|bench)\//, '$1/') : '';
    const key = `${n.callFrame.functionName || '(anonymous)'} ${short ? `${short}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
    fns.set(key, (fns.get(key) ?? 0) + us);
  }
  const pctOf = (us: number) => `${((us / busy) * 100).toFixed(1)} %`;
  const out: string[] = [];
  out.push(`${path.basename(file)}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (${((busy / total) * 100).toFixed(0)} %)`, '');
  out.push('| area (self time) | share of busy |', '|---|---|');
  for (const [a, us] of [...areas].sort((x, y) => y[1] - x[1]).slice(0, 20)) out.push(`| ${a} | ${pctOf(us)} |`);
  out.push('', `| top ${topN} functions (self time) | share of busy |`, '|---|---|');
  for (const [f, us] of [...fns].sort((x, y) => y[1] - x[1]).slice(0, topN)) out.push(`| \`${f.replace(/\|/g, '\\|')}\` | ${pctOf(us)} |`);
  return out.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npx tsx bench/cpuprofile.ts FILE.cpuprofile [topN]');
    process.exit(2);
  }
  console.log(summarise(file, Number(process.argv[3] ?? 25)));
}
