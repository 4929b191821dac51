import { strToU8, zipSync } from "fflate";

/** The main entry of a minimal OFD document (GB/T 33190). */
export const OFD_XML = `<?xml version="1.0" encoding="UTF-8"?>
<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD">
  <ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody>
</ofd:OFD>`;
const DOCUMENT_XML = `<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>`;

/** A minimal OFD container: OFD.xml at the root and the document it points at (plus `extra` entries). */
export function ofdBytes(extra: Record<string, Uint8Array> = {}): Buffer {
  return Buffer.from(
    zipSync({ "OFD.xml": strToU8(OFD_XML), "Doc_0/Document.xml": strToU8(DOCUMENT_XML), ...extra }),
  );
}

/** An OFD whose second entry is `megabytes` of zeros: a few kilobytes that inflate 1000:1. */
export function ofdBomb(megabytes = 10): Buffer {
  return ofdBytes({ "Doc_0/Res/zeros.bin": new Uint8Array(megabytes * 1024 * 1024) });
}
