import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { load as loadYaml } from "js-yaml";

/** The repository's `seed/` folder: reference and demo data as versioned files. */
export const SEED_DIR = fileURLToPath(new URL("../../../seed/", import.meta.url));

/** Reads and parses one YAML file below `seed/`. */
export function readSeedYaml<T>(relativePath: string): T {
  return loadYaml(readFileSync(SEED_DIR + relativePath, "utf8")) as T;
}
