// The browser-session helpers live in ./suite; re-exported for the files that import them from here.
export { confirmPopover, e2eSuite, pickOption, Sessions, shot } from "./suite";

/** A tiny but real PDF (the server checks the type by content). */
export const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** Form data that satisfies the 建设用地规划许可证核发 schema. */
export const LAND_PERMIT_FORM = {
  projectName: "安徽三木新材料年产5万吨项目",
  projectCode: "2026-340321-30-03-012345",
  location: "怀远县经济开发区涂山路与禹王路交叉口东南侧",
  landArea: 53_333.5,
  landUse: "工业用地",
  supplyMethod: "出让",
  contractNo: "怀土出〔2026〕18号",
};

export type ApiCase = {
  id: string;
  number: string;
  status: string;
  version: number;
  materials: { code: string; name: string; required: boolean; source: string; status: string }[];
  reviewTasks: { id: string; orgCode: string; stepCode: string; status: string; version: number }[];
};

/** A signed-in API client for the steps whose screen is not under test (cookies + CSRF header). */
export class ApiClient {
  private cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  static async as(base: string, username: string): Promise<ApiClient> {
    const c = new ApiClient(base);
    const res = await c.request("POST", "/api/auth/login", { username, password: "demo1234" });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    return c;
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    form?: FormData,
  ): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const csrf = this.cookies.get("yz_csrf");
    if (csrf && method !== "GET") headers["x-csrf-token"] = csrf;
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(new URL(path, this.base), {
      method,
      headers,
      body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const i = pair.indexOf("=");
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request<T>(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Uploads the test PDF for one material. */
  async upload(caseId: string, code: string, fileName: string): Promise<ApiCase> {
    const form = new FormData();
    form.append("file", new Blob([PDF], { type: "application/pdf" }), fileName);
    const res = await this.request<{ case: ApiCase }>(
      "POST",
      `/api/cases/${caseId}/materials/${code}/files`,
      undefined,
      form,
    );
    if (res.status !== 201) throw new Error(`upload ${code}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.case;
  }

  /** A draft of the land-use planning permit with every applicant material uploaded. */
  async landPermitDraft(): Promise<ApiCase> {
    let c = await this.ok<ApiCase>("POST", "/api/cases", {
      itemCode: "construction-land-planning-permit",
      formData: LAND_PERMIT_FORM,
    });
    for (const m of c.materials.filter((x) => x.required && x.source === "upload"))
      c = await this.upload(c.id, m.code, `${m.name}.pdf`);
    return c;
  }
}
