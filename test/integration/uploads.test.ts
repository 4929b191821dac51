import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CaseBody, LAND_PERMIT_FORM, PDF } from "../helpers/cases";
import type { TestClient } from "../helpers/client";
import { createTestApp, type TestApp } from "../helpers/testApp";
import { OFD_XML, ofdBomb, ofdBytes } from "../helpers/zipFiles";

type Problem = { code: string; status: number; errors?: { field: string; code: string }[]; field?: string };
type StoredFile = { id: string; fileName: string; contentType: string };
type Uploaded = { case: CaseBody & { materials: { code: string; files: StoredFile[] }[] } };

let t: TestApp;
let sanmu: TestClient;
let url: string;

beforeAll(async () => {
  t = await createTestApp();
  sanmu = await t.as("sanmu");
  const draft = await sanmu.post<CaseBody>("/api/cases", {
    itemCode: "construction-land-planning-permit",
    formData: LAND_PERMIT_FORM,
  });
  expect(draft.status).toBe(201);
  url = `/api/cases/${draft.body.id}/materials/application_form/files`;
});
afterAll(async () => t?.close());

/** Uploads as a browser does: the name in RFC 5987 `filename*` (UTF-8, any character), a claimed type. */
function upload(name: string, bytes: Buffer, type = "application/ofd") {
  const boundary = "----yizhanuploads";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(name)}\r\nContent-Type: ${type}\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return sanmu.request<Uploaded & Problem>("POST", url, body, {
    "content-type": `multipart/form-data; boundary=${boundary}`,
  });
}

const caseUrl = () => url.replace(/\/materials\/.*$/, "");
const lastFile = (res: { body: Uploaded }) =>
  res.body.case.materials.find((m) => m.code === "application_form")?.files.at(-1) as StoredFile;

describe("uploads: OFD by structure, bombs refused, names cleaned", () => {
  it("accepts an OFD document recognised by its structure, whatever its name", async () => {
    const res = await upload("申请表.bin", ofdBytes(), "application/octet-stream");
    expect(res.status, res.text).toBe(201);
    expect(lastFile(res)).toMatchObject({ fileName: "申请表.bin", contentType: "application/ofd" });
  });

  it("refuses a zip that merely contains the bytes 'OFD.xml' (415 naming the file)", async () => {
    const fake = Buffer.from(zipSync({ "readme.txt": strToU8("OFD.xml"), "x/OFD.xml": strToU8(OFD_XML) }));
    const res = await upload("申请表.ofd", fake);
    expect(res.status).toBe(415);
    expect(res.body.code).toBe("unsupported_file_type");
    expect(res.body.field).toBe("file");
  });

  it("refuses compression bombs as OFD, docx or xlsx (422 compressed_too_large naming the file)", async () => {
    const zeros = new Uint8Array(10 * 1024 * 1024);
    const docx = Buffer.from(
      zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": zeros }),
    );
    const xlsx = Buffer.from(zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "xl/sheet1.xml": zeros }));
    for (const [name, bytes] of [
      ["申请表.ofd", ofdBomb(10)],
      ["申请表.docx", docx],
      ["申请表.xlsx", xlsx],
    ] as const) {
      expect(bytes.length, name).toBeLessThan(50_000);
      const res = await upload(name, bytes);
      expect(res.status, name).toBe(422);
      expect(res.body.errors?.[0]).toMatchObject({ field: "file", code: "compressed_too_large" });
    }
    // Nothing was stored by the refusals: the one OFD of the first test is the only file.
    const c = await sanmu.get<Uploaded["case"]>(caseUrl());
    expect(c.body.materials.find((m) => m.code === "application_form")?.files).toHaveLength(1);
  });

  it("strips bidi overrides, control characters and directories from file names", async () => {
    const cases: [string, string][] = [
      ["申请表\u202Efdp.exe", "申请表fdp.exe"],
      ["\u2066授权书\u2069\u202B.pdf", "授权书.pdf"],
      ["申请表\u0000\u0007\u0085\u2028.pdf", "申请表.pdf"],
      ["../../etc/passwd\\营业执照.pdf", "营业执照.pdf"],
      ["\u202E\u0001", "file"],
    ];
    for (const [sent, stored] of cases) {
      const res = await upload(sent, PDF, "application/pdf");
      expect(res.status, `${JSON.stringify(sent)} ${res.text}`).toBe(201);
      expect(lastFile(res).fileName, JSON.stringify(sent)).toBe(stored);
      const file = await sanmu.get(`${caseUrl()}/files/${lastFile(res).id}`);
      expect(file.status).toBe(200);
      expect(String(file.headers["content-disposition"])).toContain(encodeURIComponent(stored));
    }
  });
});
