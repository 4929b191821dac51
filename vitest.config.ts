import { defineConfig } from "vitest/config";

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
    // `yizhan start --demo` in a test never generates the demo history in the background (ADR 0013).
    env: { YIZHAN_DEMO_HISTORY: "0" },
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
