/**
 * Deadline computations per second: the precomputed working-day index (computeDeadline) against two
 * naive day-by-day walks, on the same inputs, in the same run: naiveDeadline (a day loop over the same
 * O(1) per-day lookup) and a loop with Date objects and string sets (what code without an index does).
 * Target: ≥ 1,000,000 computations per second on one core (issue 3).
 *
 *   npx tsx bench/calendar.bench.ts
 */
import { computeDeadline, type DeadlineInput } from "../src/domain/calendar/deadline.ts";
import { dayToIso, isoToDay } from "../src/domain/calendar/isoDate.ts";
import { naiveDeadline } from "../src/domain/calendar/naive.ts";
import { officialCalendar, officialCalendarData } from "../src/domain/calendar/officialData.ts";

const TARGET = 1_000_000;
const ROUNDS = 7;
const cal = officialCalendar();
const isWorking = (d: number) => cal.isWorkingDayN(d);

// A realistic mix: start dates 2020–2026, limits 1–60 working days (promised and statutory),
// a third with a 0–10 day extension, a fifth with one pause (correction period / public notice).
let seed = 42;
const rand = (n: number) => {
  seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
  return seed % n;
};
const first = isoToDay("2020-01-01");
const inputs: DeadlineInput[] = Array.from({ length: 10_000 }, () => {
  const start = first + rand(2500);
  const input: DeadlineInput = { startDate: dayToIso(start), limitDays: 1 + rand(60) };
  if (rand(3) === 0) input.extensionDays = rand(11);
  if (rand(5) === 0) {
    const from = start + 1 + rand(20);
    input.pauses = [{ from: dayToIso(from), to: dayToIso(from + rand(15)) }];
  }
  return input;
});

function measure(fn: (input: DeadlineInput) => string, minMs: number): number {
  let n = 0;
  let sink = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < minMs) {
    for (let i = 0; i < inputs.length; i++) sink += fn(inputs[i]).length;
    n += inputs.length;
    t = performance.now();
  }
  if (sink === 0) throw new Error("unreachable");
  return n / ((t - t0) / 1000);
}

// What code without an index usually does: Date objects and string sets, one day at a time.
const restSet = new Set<string>();
const workSet = new Set<string>();
for (const y of officialCalendarData.years) {
  for (const r of y.rest) for (let d = isoToDay(r.from); d <= isoToDay(r.to); d++) restSet.add(dayToIso(d));
  for (const w of y.work) workSet.add(w.date);
}
function dateLoopDeadline(input: DeadlineInput): string {
  const d = new Date(`${input.startDate}T00:00:00Z`);
  const spans = (input.pauses ?? []).map((p) => [p.from, p.to ?? p.from]);
  for (let left = input.limitDays + (input.extensionDays ?? 0); left > 0; ) {
    d.setUTCDate(d.getUTCDate() + 1);
    const iso = d.toISOString().slice(0, 10);
    const wd = d.getUTCDay();
    const working = workSet.has(iso) || (!restSet.has(iso) && wd !== 0 && wd !== 6);
    if (working && !spans.some(([f, t]) => f <= iso && iso <= t)) left--;
  }
  return d.toISOString().slice(0, 10);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const indexed = (input: DeadlineInput) => computeDeadline(cal, input).deadline;
const naive = (input: DeadlineInput) => naiveDeadline(isWorking, input);

// Same answers first: a benchmark of a wrong function is worth nothing.
for (const input of inputs) {
  if (indexed(input) !== naive(input) || indexed(input) !== dateLoopDeadline(input))
    throw new Error(`mismatch on ${JSON.stringify(input)}`);
}

measure(indexed, 300); // warm-up
measure(naive, 300);
measure(dateLoopDeadline, 300);
const fast: number[] = [];
const slow: number[] = [];
const slowest: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  fast.push(measure(indexed, 400));
  slow.push(measure(naive, 400));
  slowest.push(measure(dateLoopDeadline, 400));
}
const f = median(fast);
const s = median(slow);
const sd = median(slowest);
const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
console.log(`deadline computations per second, median of ${ROUNDS} rounds (${inputs.length} mixed inputs)`);
console.log(`  indexed (cumulative working-day index): ${fmt(f)}/s`);
console.log(`  naive day-by-day loop, O(1) day lookup: ${fmt(s)}/s   (ratio ${(f / s).toFixed(1)}×)`);
console.log(`  naive day-by-day loop, Date + Set:      ${fmt(sd)}/s   (ratio ${(f / sd).toFixed(1)}×)`);
console.log(`  target: ${fmt(TARGET)}/s → ${f >= TARGET ? "met" : "NOT met"}`);
