import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LocalDiskStorage } from "./storage";

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function storage(): Promise<{ s: LocalDiskStorage; root: string }> {
  const root = await mkdtemp(join(tmpdir(), "yz-storage-"));
  dirs.push(root);
  return { s: new LocalDiskStorage(root), root };
}

describe("LocalDiskStorage", () => {
  it("stores by checksum and reads the same bytes back", async () => {
    const { s } = await storage();
    const { key, sha256 } = await s.put(Buffer.from("一站"));
    expect(key).toBe(`${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`);
    expect((await s.get(key)).toString()).toBe("一站");
  });

  it("takes many writes of the same bytes at once: one file, no temp file left", async () => {
    const { s, root } = await storage();
    const bytes = Buffer.from("%PDF-1.4 same bytes");
    const results = await Promise.all(Array.from({ length: 20 }, () => s.put(bytes)));
    expect(new Set(results.map((r) => r.key)).size).toBe(1);
    const [key] = results.map((r) => r.key);
    const dir = join(root, key.slice(0, 5));
    expect(await readdir(dir)).toEqual([key.slice(6)]);
    expect(await s.get(key)).toEqual(bytes);
  });

  it("refuses a key that is not a checksum path", async () => {
    const { s } = await storage();
    await expect(s.get("../../etc/passwd")).rejects.toThrow(/invalid storage key/);
  });
});
