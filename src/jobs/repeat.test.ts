import { describe, expect, it } from "vitest";
import { startRepeating } from "./repeat";

describe("startRepeating (the transparency sequencer's loop)", () => {
  it("runs again at once while a run says there is more, then waits; stop waits for the run in progress", async () => {
    let calls = 0;
    let fourth: () => void = () => {};
    const reachedFourth = new Promise<void>((r) => {
      fourth = r;
    });
    let finishFourth: () => void = () => {};
    const errors: unknown[] = [];
    const loop = startRepeating(
      async () => {
        calls++;
        if (calls === 4) {
          fourth();
          await new Promise<void>((r) => {
            finishFourth = r;
          });
          return false;
        }
        return true;
      },
      // An interval no test waits for: only "more" schedules the next run at once.
      { intervalMs: 1e9, onError: (e) => errors.push(e) },
    );
    await reachedFourth;
    let stopped = false;
    const stopping = loop.stop().then(() => {
      stopped = true;
    });
    await Promise.resolve();
    expect(stopped).toBe(false);
    finishFourth();
    await stopping;
    expect(calls).toBe(4);
    expect(errors).toEqual([]);
  });

  it("reports a failed run and tries again after the interval", async () => {
    let calls = 0;
    const errors: unknown[] = [];
    let second: () => void = () => {};
    const reachedSecond = new Promise<void>((r) => {
      second = r;
    });
    const loop = startRepeating(
      async () => {
        calls++;
        if (calls === 1) throw new Error("database away");
        second();
        return false;
      },
      { intervalMs: 1, onError: (e) => errors.push(e) },
    );
    await reachedSecond;
    await loop.stop();
    expect(calls).toBe(2);
    expect(String(errors[0])).toContain("database away");
  });
});
