/**
 * Text files from the offices' own computers: UTF-8 (with or without BOM), UTF-16 with a BOM, or
 * GB18030 — which includes GBK and GB2312, what Excel and Notepad on Chinese Windows save. Anything
 * else is refused: a file decoded with the wrong encoding would be stored as mojibake.
 */

/** The encodings {@link decodeTextBytes} recognizes. */
export type TextEncodingName = "utf-8" | "utf-16" | "gb18030";

/** Decodes bytes as UTF-8, UTF-16 (BOM) or GB18030, or returns null when they are none of these. */
export function decodeTextBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16" };
  }
  for (const encoding of ["utf-8", "gb18030"] as const) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
    } catch {
      // not this one
    }
  }
  return null;
}
