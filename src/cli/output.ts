/** Writes a progress bar line to stderr (TTY: redrawn in place; otherwise every 10%). */
export function progressBar(label: string): (done: number, total: number, what: string) => void {
  let lastDecile = -1;
  return (done, total, what) => {
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (process.stderr.isTTY) {
      const width = 24;
      const filled = Math.round((pct / 100) * width);
      process.stderr.write(
        `\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${pct}% ${done}/${total} ${what}`.padEnd(
          90,
        ),
      );
      if (done === total) process.stderr.write("\n");
    } else {
      const decile = Math.floor(pct / 10);
      if (decile !== lastDecile || done === total) {
        lastDecile = decile;
        process.stderr.write(`${label}: ${pct}% (${done}/${total}) ${what}\n`);
      }
    }
  };
}

/** A usage error: printed with the help hint, exit code 2. */
export class UsageError extends Error {}
