import { inflateSync } from "node:zlib";

/** One table of a WOFF 1.0 file, as listed in its directory. */
interface WoffTable {
  tag: string;
  offset: number;
  compLength: number;
  origLength: number;
  origChecksum: number;
}

const WOFF_SIGNATURE = 0x774f4646; // "wOFF"
const WOFF_HEADER_SIZE = 44;
const WOFF_DIR_ENTRY_SIZE = 20;
const SFNT_HEADER_SIZE = 12;
const SFNT_DIR_ENTRY_SIZE = 16;

/** True when the buffer starts with the WOFF 1.0 signature. */
export function isWoff(buffer: Buffer): boolean {
  return buffer.length >= WOFF_HEADER_SIZE && buffer.readUInt32BE(0) === WOFF_SIGNATURE;
}

/** The sfnt flavour of a decoded font: "otf" for CFF outlines ("OTTO"), otherwise "ttf". */
export function sfntExtension(sfnt: Buffer): "otf" | "ttf" {
  return sfnt.readUInt32BE(0) === 0x4f54544f ? "otf" : "ttf";
}

/**
 * Decodes a WOFF 1.0 font into the sfnt (TrueType/OpenType) it wraps: every table is zlib-inflated
 * when stored compressed and copied otherwise, then laid out again behind a regular sfnt directory.
 * (W3C WOFF File Format 1.0; pdfmake/pdfkit embed sfnt fonts fast but re-decode WOFF on every use.)
 */
export function decodeWoff(woff: Buffer): Buffer {
  if (!isWoff(woff)) throw new Error("not a WOFF 1.0 font (signature wOFF missing)");
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: WoffTable[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = WOFF_HEADER_SIZE + i * WOFF_DIR_ENTRY_SIZE;
    tables.push({
      tag: woff.toString("latin1", at, at + 4),
      offset: woff.readUInt32BE(at + 4),
      compLength: woff.readUInt32BE(at + 8),
      origLength: woff.readUInt32BE(at + 12),
      origChecksum: woff.readUInt32BE(at + 16),
    });
  }
  const datas = tables.map((t) => {
    const raw = woff.subarray(t.offset, t.offset + t.compLength);
    const data = t.compLength < t.origLength ? inflateSync(raw) : raw;
    if (data.length !== t.origLength) throw new Error(`WOFF table ${t.tag}: bad length`);
    return data;
  });

  const pad4 = (n: number): number => (n + 3) & ~3;
  let size = SFNT_HEADER_SIZE + numTables * SFNT_DIR_ENTRY_SIZE;
  for (const d of datas) size += pad4(d.length);
  const out = Buffer.alloc(size);

  // sfnt header: searchRange etc. follow the OpenType spec formulas.
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);

  // Tables in directory order (WOFF requires ascending tags, which is what sfnt requires too).
  let offset = SFNT_HEADER_SIZE + numTables * SFNT_DIR_ENTRY_SIZE;
  tables.forEach((t, i) => {
    const at = SFNT_HEADER_SIZE + i * SFNT_DIR_ENTRY_SIZE;
    out.write(t.tag, at, 4, "latin1");
    out.writeUInt32BE(t.origChecksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.origLength, at + 12);
    datas[i].copy(out, offset);
    offset += pad4(datas[i].length);
  });
  return out;
}
