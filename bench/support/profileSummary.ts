/**
 * Sums a V8 CPU profile (`node --cpu-prof`, e.g. BENCH_SERVER_PROFILE=DIR on bench/lifecycle) by where
 * the time is spent: self time per npm package (node_modules/<pkg>), per folder of ours (src/<dir>),
 * node's internals, garbage collection and idle; then the top functions by self time.
 *
 *   npx tsx bench/support/profileSummary.ts DIR/CPU.*.cpuprofile [top=25] [from=0] [to=∞]
 *
 * `from`/`to` (seconds after the profile starts) keep only the samples of that window, e.g. the load
 * that bench/lifecycle prints (the start of the server, its compile and migrations, left out).
 */
import { readFileSync } from "node:fs";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** Where a script belongs: an npm package, a folder of ours, node itself, or a V8 pseudo-frame. */
export function bucketOf(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const ours = /\/(src\/[^/]+(?:\/[^/]+)?)\//.exec(url);
  if (ours) return ours[1];
  if (url.startsWith("node:")) return "node:internals";
  return url.replace(/^file:\/\//, "");
}

function main() {
  const [file, topArg, fromArg, toArg] = process.argv.slice(2);
  const from = Number(fromArg ?? 0) * 1e6;
  const to = toArg ? Number(toArg) * 1e6 : Number.POSITIVE_INFINITY;
  if (!file) throw new Error("usage: profileSummary.ts FILE.cpuprofile [top]");
  const p = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = 0;
  p.samples.forEach((id, i) => {
    at += p.timeDeltas[i] ?? 0;
    if (at < from || at > to) return;
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const buckets = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id);
    if (!n) continue;
    const b = bucketOf(n.callFrame.url, n.callFrame.functionName);
    buckets.set(b, (buckets.get(b) ?? 0) + us);
    const f = `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*node_modules\//, "").replace(/^.*\/src\//, "src/")}:${n.callFrame.lineNumber + 1}`;
    fns.set(f, (fns.get(f) ?? 0) + us);
  }
  const busy = total - (buckets.get("(idle)") ?? 0);
  const line = (name: string, us: number) =>
    `  ${(us / 1e6).toFixed(2).padStart(7)} s  ${((100 * us) / busy).toFixed(1).padStart(5)} % of busy  ${name}`;
  console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy`);
  console.log("by package / folder (self time):");
  for (const [b, us] of [...buckets]
    .filter(([b]) => b !== "(idle)")
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30))
    console.log(line(b, us));
  console.log("top functions (self time):");
  for (const [f, us] of [...fns]
    .filter(([f]) => !f.startsWith("(idle)"))
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(topArg ?? 25)))
    console.log(line(f, us));
}

if (process.argv[1]?.endsWith("profileSummary.ts")) main();
