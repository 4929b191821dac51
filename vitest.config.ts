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
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
