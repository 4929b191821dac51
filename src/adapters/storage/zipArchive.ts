import { Inflate } from "fflate";

/**
 * Reading an uploaded zip container (OFD, and any zip, docx or xlsx sent as a material) without trusting
 * it: the central directory is walked, every entry is inflated in bounded chunks with fflate while its
 * output is counted, and inflation stops at the first limit crossed — a compression bomb (42.zip,
 * overlapping entries, a header that understates its size) costs at most the limits, never the memory
 * of the process. Nothing inflated is kept except the entries asked for by name.
 */

/** The limits an archive must keep to be read at all. */
export type ZipLimits = {
  /** Total bytes all entries inflate to. */
  maxTotalBytes: number;
  /** Inflated bytes per byte of the archive, counted once the output passes `ratioFloorBytes`. */
  maxRatio: number;
  /** Below this many inflated bytes any ratio is fine (a short XML of repeated tags compresses well). */
  ratioFloorBytes: number;
  /** Entries in the central directory. */
  maxEntries: number;
};

/** Upload limits: 100 MB inflated in all, 100:1 beyond 4 MB, 10,000 entries. */
export const UPLOAD_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 100 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 4 * 1024 * 1024,
  maxEntries: 10_000,
};

/** Why an archive was refused. */
export type ZipRefusal =
  | "too_large"
  | "ratio"
  | "too_many_entries"
  | "size_mismatch"
  | "unsupported"
  | "malformed";

/** Thrown when an archive breaks a limit or cannot be read; `reason` says which. */
export class ZipRefused extends Error {
  constructor(
    readonly reason: ZipRefusal,
    detail: string,
  ) {
    super(`zip refused (${reason}): ${detail}`);
    this.name = "ZipRefused";
  }
}

/** One entry of the central directory. */
export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
};

/** The inspected archive: its entries and the content of those asked for (inflated, within the limits). */
export type ZipContents = { entries: ZipEntry[]; files: Map<string, Uint8Array>; inflatedBytes: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
// Compressed bytes per push: deflate reaches about 1032:1, so one push inflates to at most ~4 MB.
const CHUNK = 4 * 1024;

/** True when the bytes start like a zip archive (a local file header, or the end record of an empty one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const sig = Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32LE(0);
  return sig === LOCAL || sig === EOCD;
}

function endOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  throw new ZipRefused("malformed", "no end of central directory");
}

/** The entries of the central directory; ZIP64 and multi-disk archives are refused (no upload needs them). */
export function zipEntries(bytes: Uint8Array, limits: ZipLimits = UPLOAD_ZIP_LIMITS): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22) throw new ZipRefused("malformed", "shorter than an end record");
  const eocd = endOfCentralDirectory(buf);
  const disk = buf.readUInt16LE(eocd + 4);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (disk !== 0 || buf.readUInt16LE(eocd + 8) !== count)
    throw new ZipRefused("unsupported", "a multi-disk archive");
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff)
    throw new ZipRefused("unsupported", "ZIP64");
  if (count > limits.maxEntries) throw new ZipRefused("too_many_entries", `${count} entries`);
  if (cdOffset + cdSize > eocd) throw new ZipRefused("malformed", "central directory out of range");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL)
      throw new ZipRefused("malformed", `central directory entry ${i}`);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const declaredSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localHeaderOffset = buf.readUInt32LE(p + 42);
    if (flags & 1) throw new ZipRefused("unsupported", "an encrypted entry");
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || localHeaderOffset === 0xffffffff)
      throw new ZipRefused("unsupported", "ZIP64");
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    entries.push({ name, method, compressedSize, declaredSize, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Inflates every entry of the archive within the limits, keeping the content of the entries named in
 * `keep`; throws {@link ZipRefused} at the first limit crossed, while inflating (the output is counted
 * chunk by chunk, not taken from the headers).
 */
export function inspectZip(
  bytes: Uint8Array,
  keep: readonly string[] = [],
  limits: ZipLimits = UPLOAD_ZIP_LIMITS,
): ZipContents {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = zipEntries(buf, limits);
  const files = new Map<string, Uint8Array>();
  let total = 0;
  const count = (n: number) => {
    total += n;
    if (total > limits.maxTotalBytes)
      throw new ZipRefused("too_large", `more than ${limits.maxTotalBytes} bytes inflated`);
    if (total > limits.ratioFloorBytes && total / buf.length > limits.maxRatio)
      throw new ZipRefused("ratio", `more than ${limits.maxRatio}:1`);
  };
  for (const e of entries) {
    const h = e.localHeaderOffset;
    if (h + 30 > buf.length || buf.readUInt32LE(h) !== LOCAL)
      throw new ZipRefused("malformed", `local header of ${e.name}`);
    const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
    const end = start + e.compressedSize;
    if (end > buf.length) throw new ZipRefused("malformed", `data of ${e.name} out of range`);
    const kept: Uint8Array[] | null = keep.includes(e.name) ? [] : null;
    let size = 0;
    const take = (chunk: Uint8Array) => {
      size += chunk.length;
      if (size > e.declaredSize) throw new ZipRefused("size_mismatch", `${e.name} inflates past its size`);
      count(chunk.length);
      kept?.push(chunk.slice());
    };
    if (e.method === 0) {
      take(buf.subarray(start, end));
    } else if (e.method === 8) {
      const inflate = new Inflate(take);
      try {
        for (let at = start; at < end; at += CHUNK)
          inflate.push(buf.subarray(at, Math.min(end, at + CHUNK)), at + CHUNK >= end);
        if (end === start) inflate.push(new Uint8Array(0), true);
      } catch (err) {
        if (err instanceof ZipRefused) throw err;
        throw new ZipRefused("malformed", `${e.name} does not inflate`);
      }
    } else {
      throw new ZipRefused("unsupported", `compression method ${e.method} of ${e.name}`);
    }
    if (size !== e.declaredSize) throw new ZipRefused("size_mismatch", `${e.name} is not its declared size`);
    if (kept) files.set(e.name, Buffer.concat(kept));
  }
  return { entries, files, inflatedBytes: total };
}
