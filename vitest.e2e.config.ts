import { defineConfig } from "vitest/config";
import { TEST_PII_ENV } from "./test/setup/piiKeys.ts";

/** End-to-end tests: the real server in-process, the built web app, Debian's Chromium. */
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.test.ts"],
    globalSetup: ["test/e2e/globalSetup.ts"],
    // A story drives a whole case through the browser; two files share 2 cores: minutes, not seconds.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Two files at a time: a browser test mostly waits (for pages, animations, the server), so two
    // share the 2 cores of CI well; each file has its own server, database and Chromium.
    maxWorkers: 2,
    pool: "forks",
    // The personal-data keys of the seeded template, in every worker too (test/setup/piiKeys.ts).
    env: TEST_PII_ENV,
  },
});
