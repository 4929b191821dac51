/**
 * Runs `work` again and again, `intervalMs` after each run ends (never two runs at once), at once when a
 * run says there is more to do (returns true); stops on `stop()`, waiting for the run in progress. The
 * transparency log's sequencer runs on it (what it does is the application's: src/app/transparency).
 */
export function startRepeating(
  work: () => Promise<boolean>,
  opts: { intervalMs: number; onError?: (e: unknown) => void },
): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = work()
      .catch((e) => {
        opts.onError?.(e);
        return false;
      })
      .then((more) => {
        if (stopped) return;
        timer = setTimeout(tick, more ? 0 : opts.intervalMs);
        timer.unref();
      });
  };
  timer = setTimeout(tick, 0);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
