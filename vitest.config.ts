import { defineConfig } from "vitest/config";
import { TEST_PII_ENV } from "./test/setup/piiKeys.ts";

export default defineConfig({
  test: {
    include: [
      "src/**/*.test.ts",
      "web/src/**/*.test.ts",
      "test/integration/**/*.test.ts",
      "seed/**/*.test.ts",
      "bench/**/*.test.ts",
    ],
    globalSetup: ["test/setup/globalSetup.ts"],
    setupFiles: ["test/setup/piiKeyring.ts"],
    // `yizhan start --demo` in a test never generates the demo history in the background (ADR 0013).
    env: { YIZHAN_DEMO_HISTORY: "0", ...TEST_PII_ENV },
    pool: "forks",
    // Files share a worker process (each still starts its own server on its own database): importing
    // the app once per worker instead of once per file cut the suite's CPU time by about a third on
    // 2 cores (measured on the integration files: 125 s against 184 s of user+sys). Test files must
    // not leave globals behind (vi.unstubAllGlobals in afterAll).
    isolate: false,
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
