/**
 * The personal-data keys of a test run (ADR 0016): fixed test keys in the environment of the main
 * process (the seeded template) and of every worker and child process, so a database copied from the
 * template reads in all of them. Tests of the key file and of rotation set their own.
 */
export const TEST_PII_ENV = {
  YIZHAN_PII_KEY: Buffer.alloc(32, 7).toString("base64"),
  YIZHAN_PII_HASH_KEY: Buffer.alloc(32, 11).toString("base64"),
};
