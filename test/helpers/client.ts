import type { FastifyInstance, LightMyRequestResponse } from "fastify";

/** A response as tests read it. */
export type TestResponse<T = unknown> = {
  status: number;
  headers: LightMyRequestResponse["headers"];
  body: T;
  text: string;
};

/**
 * An HTTP client for one user against the in-process server: keeps the session cookie and sends the
 * CSRF token on writes, like the browser application does.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken: string | null = null;
  sendCsrf = true;

  constructor(
    private readonly app: FastifyInstance,
    readonly ip = "127.0.0.1",
  ) {}

  /** Logs in (password `demo1234` by default) and returns the login response. */
  async login(
    username: string,
    password = "demo1234",
  ): Promise<TestResponse<{ user: { csrfToken: string } }>> {
    const res = await this.request<{ user: { csrfToken: string } }>("POST", "/api/auth/login", {
      username,
      password,
    });
    if (res.status === 200) this.csrfToken = res.body.user.csrfToken;
    return res;
  }

  get<T = unknown>(url: string) {
    return this.request<T>("GET", url);
  }
  post<T = unknown>(url: string, body?: unknown) {
    return this.request<T>("POST", url, body);
  }
  put<T = unknown>(url: string, body?: unknown) {
    return this.request<T>("PUT", url, body);
  }
  patch<T = unknown>(url: string, body?: unknown) {
    return this.request<T>("PATCH", url, body);
  }
  delete<T = unknown>(url: string) {
    return this.request<T>("DELETE", url);
  }

  /** The Cookie header this client sends. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** Uploads one file as multipart/form-data (field `file`). */
  async upload<T = unknown>(
    url: string,
    fileName: string,
    bytes: Buffer,
    contentType = "application/octet-stream",
  ) {
    const boundary = `----yizhan${Math.random().toString(16).slice(2)}`;
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    return this.request<T>("POST", url, Buffer.concat([head, bytes, tail]), {
      "content-type": `multipart/form-data; boundary=${boundary}`,
    });
  }

  /** Sends one request through the full HTTP stack (routing, hooks, validation, serialization). */
  async request<T>(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (method !== "GET" && this.sendCsrf && this.csrfToken) h["x-csrf-token"] = this.csrfToken;
    const res = await this.app.inject({
      method: method as "GET",
      url,
      headers: h,
      remoteAddress: this.ip,
      ...(body === undefined ? {} : { payload: Buffer.isBuffer(body) ? body : (body as object) }),
    });
    for (const c of res.cookies) {
      if (c.value === "" || (c.maxAge !== undefined && c.maxAge <= 0)) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const type = String(res.headers["content-type"] ?? "");
    const parsed =
      type.includes("json") && res.body ? (JSON.parse(res.body) as T) : (res.body as unknown as T);
    return { status: res.statusCode, headers: res.headers, body: parsed, text: res.body };
  }
}
