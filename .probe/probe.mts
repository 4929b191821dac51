import { buildServer } from "/work/wt-queues/src/http/server";
import { closeYizhan, openYizhan } from "/work/wt-queues/src/http/start";
const db = process.argv[2];
const ctx = await openYizhan({ databaseUrl: `postgres://postgres@127.0.0.1:5432/${db}`, demo: true, env: {}, poolSize: 5 });
const app = await buildServer(ctx, { logger: { level: "error" } });
await app.ready();
const login = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username: process.argv[3], password: "demo1234" } });
const cookie = (login.headers["set-cookie"] as string[] | string);
const c = (Array.isArray(cookie) ? cookie : [cookie]).map((x) => x.split(";")[0]).join("; ");
for (const path of process.argv.slice(4)) {
  const t0 = performance.now();
  const res = await app.inject({ method: "GET", url: path, headers: { cookie: c } });
  console.log(path, res.statusCode, (performance.now() - t0).toFixed(1), "ms", res.body.slice(0, 300));
}
await app.close();
await closeYizhan(ctx);
