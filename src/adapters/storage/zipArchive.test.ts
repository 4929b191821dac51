import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { OFD_XML, ofdBytes } from "../../../test/helpers/zipFiles";
import { detectUploadType, isOfd } from "./fileType";
import { inspectZip, looksLikeZip, type ZipLimits, ZipRefused, zipEntries } from "./zipArchive";

const small: ZipLimits = { maxTotalBytes: 1_000_000, maxRatio: 50, ratioFloorBytes: 100_000, maxEntries: 20 };

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof ZipRefused) return e.reason;
    throw e;
  }
  return "accepted";
};

describe("OFD by its structure", () => {
  it("is a zip with OFD.xml at the root whose root element is OFD", async () => {
    expect(await detectUploadType(ofdBytes())).toBe("application/ofd");
    // Stored (method 0) rather than deflated works too.
    const stored = Buffer.from(
      zipSync({ "OFD.xml": strToU8(OFD_XML), "Doc_0/a.xml": strToU8("<a/>") }, { level: 0 }),
    );
    expect(await detectUploadType(stored)).toBe("application/ofd");
  });

  it("is not any zip that holds the bytes 'OFD.xml' (the old check)", async () => {
    const named = Buffer.from(
      zipSync({ "notes.txt": strToU8("see OFD.xml"), "a/OFD.xml": strToU8(OFD_XML) }),
    );
    expect(named.includes(Buffer.from("OFD.xml"))).toBe(true);
    expect(await detectUploadType(named)).toBeNull();
    const notOfd = Buffer.from(
      zipSync({ "OFD.xml": strToU8("<html><body>OFD</body></html>"), "b.txt": strToU8("x") }),
    );
    expect(isOfd(notOfd)).toBe(false);
    const alone = Buffer.from(zipSync({ "OFD.xml": strToU8(OFD_XML) }));
    expect(isOfd(alone)).toBe(false);
    // A PDF that mentions OFD.xml is still a PDF.
    expect(await detectUploadType(Buffer.from("%PDF-1.4\n% OFD.xml\n%%EOF\n"))).toBe("application/pdf");
  });

  it("docx and xlsx are zips, never accepted as materials", async () => {
    const docx = Buffer.from(
      zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w:document/>") }),
    );
    expect(looksLikeZip(docx)).toBe(true);
    expect(await detectUploadType(docx)).toBeNull();
  });
});

describe("compression bombs are refused while inflating", () => {
  it("a highly compressed entry is refused (ratio, or the total first with small limits)", () => {
    const bomb = zipSync({ "OFD.xml": strToU8(OFD_XML), "Doc_0/zeros.bin": new Uint8Array(5_000_000) });
    expect(bomb.length).toBeLessThan(20_000);
    expect(refusal(() => inspectZip(bomb, [], small))).toMatch(/^(ratio|too_large)$/);
    expect(refusal(() => inspectZip(bomb, [], { ...small, maxTotalBytes: 10_000_000 }))).toBe("ratio");
    // With the upload limits too (4 MB floor, 100:1).
    expect(refusal(() => isOfd(Buffer.from(bomb)))).toBe("ratio");
  });

  it("the total is limited even at a modest ratio", () => {
    const noise = new Uint8Array(600_000);
    let x = 7;
    for (let i = 0; i < noise.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      noise[i] = (x >> 16) & 0x3f; // 6 bits of noise: compresses about 4:3
    }
    const two = zipSync({ "a.bin": noise, "b.bin": noise });
    expect(refusal(() => inspectZip(two, [], small))).toBe("too_large");
    expect(inspectZip(zipSync({ "a.bin": noise }), [], small).inflatedBytes).toBe(600_000);
  });

  it("entries pointing at the same data (overlapping files) are counted each time", () => {
    const one = Buffer.from(zipSync({ "a.bin": new Uint8Array(90_000) }));
    const entries = zipEntries(one);
    expect(entries).toHaveLength(1);
    // Repeat the central directory entry 15 times: 15 names, one copy of the data.
    const eocd = one.length - 22;
    const cdOffset = one.readUInt32LE(eocd + 16);
    const cd = one.subarray(cdOffset, eocd);
    const copies = Buffer.concat(Array.from({ length: 15 }, () => cd));
    const end = Buffer.from(one.subarray(eocd));
    end.writeUInt16LE(15, 8);
    end.writeUInt16LE(15, 10);
    end.writeUInt32LE(copies.length, 12);
    end.writeUInt32LE(cdOffset, 16);
    const overlapping = Buffer.concat([one.subarray(0, cdOffset), copies, end]);
    expect(zipEntries(overlapping)).toHaveLength(15);
    expect(refusal(() => inspectZip(overlapping, [], small))).toBe("ratio");
    const manyLimits = { ...small, maxEntries: 10 };
    expect(refusal(() => inspectZip(overlapping, [], manyLimits))).toBe("too_many_entries");
  });

  it("a header that understates its size is refused when the data passes it", () => {
    const zip = Buffer.from(zipSync({ "a.bin": new Uint8Array(50_000) }));
    const cdOffset = zip.readUInt32LE(zip.length - 22 + 16);
    zip.writeUInt32LE(1_000, cdOffset + 24); // declared uncompressed size
    expect(refusal(() => inspectZip(zip, [], small))).toBe("size_mismatch");
  });

  it("truncated, encrypted-flagged and ZIP64-marked archives are not read", () => {
    const ofd = ofdBytes();
    expect(refusal(() => inspectZip(ofd.subarray(0, ofd.length - 30)))).toBe("malformed");
    const enc = Buffer.from(ofd);
    const cdOffset = enc.readUInt32LE(enc.length - 22 + 16);
    enc.writeUInt16LE(1, cdOffset + 8);
    expect(refusal(() => inspectZip(enc))).toBe("unsupported");
    const z64 = Buffer.from(ofd);
    z64.writeUInt32LE(0xffffffff, z64.length - 22 + 16);
    expect(refusal(() => inspectZip(z64))).toBe("unsupported");
  });
});
