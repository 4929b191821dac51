/**
 * Runs `sweep` every `intervalMs` (default 5 minutes, first run after 2 s) until stopped; a run never
 * overlaps the next tick's wait for it on stop. What a sweep does is the application's (src/app/sweep);
 * this module only schedules it.
 */
export function startSweeper(
  sweep: () => Promise<unknown>,
  opts: { intervalMs?: number; onError?: (e: unknown) => void } = {},
) {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = sweep().catch((e) => opts.onError?.(e));
  };
  const timer = setInterval(tick, opts.intervalMs ?? 5 * 60_000);
  timer.unref();
  setTimeout(tick, 2_000).unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
