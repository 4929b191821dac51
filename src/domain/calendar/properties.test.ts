import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeDeadline } from "./deadline.ts";
import { civilFromDays, dayToIso, isoToDay } from "./isoDate.ts";
import { naiveAddWorkingDays, naiveDeadline, naiveWorkingDaysBetween } from "./naive.ts";
import { officialCalendar, officialCalendarData } from "./officialData.ts";
import { createWorkingCalendar } from "./workingCalendar.ts";

const cal = officialCalendar();
const LO = isoToDay("2007-01-01");
const HI = isoToDay("2029-12-31");
const day = fc.integer({ min: LO, max: HI });
const days = fc.integer({ min: 0, max: 120 });
const isWorking = (d: number) => cal.isWorkingDayN(d);
const pause = fc
  .tuple(fc.integer({ min: -5, max: 200 }), fc.integer({ min: 0, max: 40 }), fc.boolean())
  .map(([offset, len, open]) => ({ offset, len, open }));

describe("working-day arithmetic (properties)", () => {
  it("ISO ↔ day number round-trips and agrees with Date", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (z) => {
        const iso = dayToIso(z);
        expect(isoToDay(iso)).toBe(z);
        const [y] = civilFromDays(z);
        if (y >= 1000 && y <= 9999) expect(new Date(z * 86_400_000).toISOString().slice(0, 10)).toBe(iso);
      }),
    );
  });

  it("between(a, add(a, n)) = n and add agrees with a day-by-day walk", () => {
    fc.assert(
      fc.property(day, days, (a, n) => {
        const b = cal.addWorkingDaysN(a, n);
        expect(cal.workingDaysBetweenN(a, b)).toBe(n);
        expect(b).toBe(naiveAddWorkingDays(isWorking, a, n));
      }),
    );
  });

  it("between agrees with a day-by-day count and is antisymmetric", () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(cal.workingDaysBetweenN(a, b)).toBe(naiveWorkingDaysBetween(isWorking, a, b));
        expect(cal.workingDaysBetweenN(b, a) + cal.workingDaysBetweenN(a, b)).toBe(0);
      }),
    );
  });

  it("every result of add (n ≥ 1) is a working day, later than the start", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 400 }), (a, n) => {
        const b = cal.addWorkingDaysN(a, n);
        expect(b).toBeGreaterThan(a);
        expect(cal.isWorkingDayN(b)).toBe(true);
      }),
    );
  });

  it("add is monotonic in the start date and in n", () => {
    fc.assert(
      fc.property(day, day, days, days, (a, b, m, n) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(cal.addWorkingDaysN(lo, n)).toBeLessThanOrEqual(cal.addWorkingDaysN(hi, n));
        const [k1, k2] = m <= n ? [m, n] : [n, m];
        expect(cal.addWorkingDaysN(a, k1)).toBeLessThanOrEqual(cal.addWorkingDaysN(a, k2));
      }),
    );
  });

  it("pauses never shorten a deadline, and the indexed deadline equals the day-by-day walk", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: LO + 10, max: HI }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 15 }),
        fc.array(pause, { maxLength: 4 }),
        (start, limit, ext, ps) => {
          const asOf = dayToIso(start + 30);
          const pauses = ps.map((p) => ({
            from: dayToIso(start + p.offset),
            to: p.open ? null : dayToIso(start + p.offset + p.len),
          }));
          const input = { startDate: dayToIso(start), limitDays: limit, extensionDays: ext, asOf };
          const without = computeDeadline(cal, input);
          const withPauses = computeDeadline(cal, { ...input, pauses });
          expect(withPauses.deadline >= without.deadline).toBe(true);
          expect(withPauses.deadline).toBe(naiveDeadline(isWorking, { ...input, pauses }));
          if (limit + ext > 0) expect(cal.isWorkingDay(withPauses.deadline)).toBe(true);
          expect(cal.workingDaysBetween(input.startDate, withPauses.deadline)).toBe(
            limit + ext + withPauses.pausedWorkingDays,
          );
        },
      ),
    );
  });

  it("same-day pauses (to = the day before from) never move a deadline, whatever else is paused", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: LO + 10, max: HI }),
        fc.integer({ min: 0, max: 60 }),
        fc.array(pause, { maxLength: 3 }),
        fc.array(fc.integer({ min: -5, max: 120 }), { minLength: 1, maxLength: 3 }),
        (start, limit, ps, sameDay) => {
          const asOf = dayToIso(start + 30);
          const pauses = ps.map((p) => ({
            from: dayToIso(start + p.offset),
            to: p.open ? null : dayToIso(start + p.offset + p.len),
          }));
          const empty = sameDay.map((o) => ({ from: dayToIso(start + o), to: dayToIso(start + o - 1) }));
          const input = { startDate: dayToIso(start), limitDays: limit, asOf };
          const without = computeDeadline(cal, { ...input, pauses });
          const withEmpty = computeDeadline(cal, { ...input, pauses: [...pauses, ...empty] });
          expect(withEmpty).toEqual(without);
          expect(withEmpty.deadline).toBe(
            naiveDeadline(isWorking, { ...input, pauses: [...pauses, ...empty] }),
          );
        },
      ),
    );
  });

  it("provisional only past the last official year", () => {
    fc.assert(
      fc.property(day, days, (a, n) => {
        const r = computeDeadline(cal, { startDate: dayToIso(a), limitDays: n });
        expect(r.provisional).toBe(Number(r.deadline.slice(0, 4)) > cal.lastOfficialYear);
        expect(cal.isProvisionalN(a)).toBe(civilFromDays(a)[0] > 2026);
      }),
    );
  });

  it("a local closure is a rest day, a local opening a working day, and nothing else moves", () => {
    fc.assert(
      fc.property(day, (d) => {
        const iso = dayToIso(d);
        const closed = createWorkingCalendar(officialCalendarData.years, [
          { date: iso, kind: "closed", reason: "暴雨红色预警" },
        ]);
        const open = createWorkingCalendar(officialCalendarData.years, [
          { date: iso, kind: "open", reason: "集中办理日" },
        ]);
        expect(closed.isWorkingDay(iso)).toBe(false);
        expect(open.isWorkingDay(iso)).toBe(true);
        expect(closed.isWorkingDayN(d + 1)).toBe(cal.isWorkingDayN(d + 1));
      }),
      { numRuns: 20 },
    );
  });
});
