import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { decodeWoff, sfntExtension } from "./woff";

const FONT_PACKAGE = "@fontsource/noto-sans-sc";

/** Absolute directory of the installed `@fontsource/noto-sans-sc` package. */
export function fontPackageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve(`${FONT_PACKAGE}/package.json`));
}

let cacheDirMemo: string | undefined;

/**
 * Where decoded fonts are kept between runs: `node_modules/.cache/yizhan-fonts/` next to the font
 * package, or `<os tmpdir>/yizhan-fonts/` when node_modules is read-only. `YIZHAN_FONT_CACHE` overrides.
 */
export function fontCacheDir(): string {
  if (cacheDirMemo) return cacheDirMemo;
  const candidates = [
    process.env.YIZHAN_FONT_CACHE,
    resolve(fontPackageDir(), "..", "..", ".cache", "yizhan-fonts"),
    join(tmpdir(), "yizhan-fonts"),
  ].filter((d): d is string => Boolean(d));
  for (const dir of candidates) {
    try {
      mkdirSync(dir, { recursive: true });
      const probe = join(dir, `.probe-${process.pid}`);
      writeFileSync(probe, "");
      renameSync(probe, join(dir, ".writable"));
      cacheDirMemo = dir;
      return dir;
    } catch {
      // try the next place
    }
  }
  throw new Error("no writable directory for the decoded font cache");
}

const memory = new Map<string, Buffer>();

/** Cache key of a WOFF file: its name, size and modification time (a reinstall invalidates it). */
export function cacheKey(woffPath: string): string {
  const st = statSync(woffPath);
  return `${basename(woffPath, ".woff")}-${st.size}-${Math.floor(st.mtimeMs)}`;
}

/**
 * Returns the sfnt (TTF/OTF) form of a WOFF font, decoding it once and keeping the result on disk
 * (and in memory) so that later processes and renders skip the decompression.
 */
export function loadDecodedFont(woffPath: string): { key: string; data: Buffer } {
  const key = cacheKey(woffPath);
  const cached = memory.get(key);
  if (cached) return { key, data: cached };
  const dir = fontCacheDir();
  for (const ext of ["ttf", "otf"]) {
    try {
      const data = readFileSync(join(dir, `${key}.${ext}`));
      memory.set(key, data);
      return { key, data };
    } catch {
      // not cached yet
    }
  }
  const data = decodeWoff(readFileSync(woffPath));
  const file = join(dir, `${key}.${sfntExtension(data)}`);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, file); // atomic: parallel test workers never read half a font
  memory.set(key, data);
  return { key, data };
}

/** Drops the in-memory copies (the disk cache stays); used by the benchmark's cold runs. */
export function clearFontMemory(): void {
  memory.clear();
}
