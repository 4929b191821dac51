import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createYizhanClient, csrfHeader, type YizhanClient } from "../../src/shared/api/client";
import type { components } from "../../src/shared/api/schema";
import { PDF } from "../helpers/cases";
import { createTestApp, type TestApp } from "../helpers/testApp";

// Issue 12, item 5: a case driven from application to completion through the client generated from
// the OpenAPI document (openapi-typescript + openapi-fetch), over real HTTP — what an integrator does.
// Everything below is typed by src/shared/api/schema.ts: a path the document does not have, a body
// field of the wrong type or an answer's field it does not have fails `npm run typecheck`.

type Case = components["schemas"]["Case"];

let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  t = await createTestApp();
  baseUrl = await t.app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => t?.close());

/** A typed client signed in as `username`: keeps the session cookie (Node has no cookie jar) and sends CSRF. */
async function signedIn(username: string): Promise<YizhanClient> {
  const client = createYizhanClient(baseUrl);
  let cookie = "";
  let csrf: string | undefined;
  client.use(
    {
      onRequest({ request }) {
        if (cookie) request.headers.set("cookie", cookie);
        return request;
      },
      onResponse({ response }) {
        const set = response.headers.getSetCookie().map((c) => c.split(";")[0]);
        if (set.length) cookie = set.join("; ");
        return response;
      },
    },
    csrfHeader(() => csrf),
  );
  const { data, error } = await client.POST("/api/auth/login", { body: { username, password: "demo1234" } });
  if (!data) throw new Error(`login ${username}: ${error?.code}`);
  csrf = data.user.csrfToken;
  return client;
}

describe("the typed client (openapi-fetch) drives a case end to end", () => {
  it("applies, uploads, submits; the window finds it by number, checks, accepts and finishes it on the spot", async () => {
    const citizen = await signedIn("citizen");
    const created = await citizen.POST("/api/cases", {
      body: {
        itemCode: "real-estate-records-inquiry",
        formData: { applicantRole: "权利人", queryScope: "登记结果", purpose: "办理贷款" },
      },
    });
    expect(created.response.status).toBe(201);
    let c: Case = created.data as Case;
    expect(c.status).toBe("draft");

    // Uploads are multipart bodies with the file as a Blob.
    for (const m of c.materials.filter((x) => x.required && x.source === "upload")) {
      const up = await citizen.POST("/api/cases/{id}/materials/{code}/files", {
        params: { path: { id: c.id, code: m.code } },
        body: { file: new Blob([PDF], { type: "application/pdf" }) },
        bodySerializer(body) {
          const form = new FormData();
          form.append("file", body.file, `${m.code}.pdf`);
          return form;
        },
      });
      expect(up.response.status, up.error?.detail).toBe(201);
      c = up.data?.case as Case;
    }
    const submitted = await citizen.POST("/api/cases/{id}/submit", {
      params: { path: { id: c.id } },
      body: { expectedVersion: c.version },
    });
    expect(submitted.data?.status).toBe("submitted");

    // A stale version is a typed Problem (409), in both languages.
    const again = await citizen.POST("/api/cases/{id}/submit", {
      params: { path: { id: c.id } },
      body: { expectedVersion: c.version },
    });
    expect(again.response.status).toBe(409);
    expect(again.error?.code).toBe("version_conflict");
    expect(again.error?.message["zh-CN"]).toBeTruthy();

    // The window has only the number the applicant brings.
    const clerk = await signedIn("clerk");
    const found = await clerk.GET("/api/case-numbers/{number}", {
      params: { path: { number: (submitted.data as Case).number } },
    });
    expect(found.data?.id).toBe(c.id);
    let w = found.data as Case;
    const checked = await clerk.POST("/api/cases/{id}/material-checks", {
      params: { path: { id: w.id } },
      body: {
        expectedVersion: w.version,
        checks: w.materials
          .filter((m) => m.status !== "pending" || m.required)
          .map((m) => ({ materialCode: m.code, status: "pass" as const })),
      },
    });
    w = checked.data as Case;
    expect(w.abilities.finishOnTheSpot).toBe(true);
    const done = await clerk.POST("/api/cases/{id}/accept", {
      params: { path: { id: w.id } },
      body: { expectedVersion: w.version, finishOnTheSpot: true },
    });
    expect(done.response.status).toBe(200);
    const finished = done.data;
    if (!finished || !("materials" in finished)) throw new Error("expected the full case");
    expect(finished.status).toBe("completed");
    expect(finished.finishedOnSpot).toBe(true);

    // The applicant reads it and downloads a written notice as PDF bytes.
    const mine = await citizen.GET("/api/cases/{id}", { params: { path: { id: c.id } } });
    expect(mine.data?.status).toBe("completed");
    const doc = mine.data?.documents[0];
    if (!doc) throw new Error("expected a written notice");
    const pdf = await citizen.GET("/api/cases/{id}/documents/{docId}/pdf", {
      params: { path: { id: c.id, docId: doc.id } },
      parseAs: "blob",
    });
    expect(pdf.response.headers.get("content-type")).toContain("application/pdf");
    expect(
      Buffer.from(await (pdf.data as Blob).arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    // Anyone follows it with the number and the query code, without signing in.
    const progress = await createYizhanClient(baseUrl).GET("/api/public/progress", {
      params: { query: { number: finished.number, queryCode: finished.queryCode ?? "" } },
    });
    expect(progress.data?.status).toBe("completed");
  });

  it("answers a caller without a session with the typed 401 problem", async () => {
    const anonymous = createYizhanClient(baseUrl);
    const res = await anonymous.GET("/api/cases", { params: { query: {} } });
    expect(res.response.status).toBe(401);
    expect(res.error?.code).toBe("unauthenticated");
  });
});
