/**
 * Security headers per request (issue 19's profile): @fastify/helmet as a plugin, which rebuilds
 * helmet's middleware for every request, against the same headers computed once and set by one hook
 * (src/http/securityHeaders.ts). Two Fastify apps in this process, one JSON route each, answered through
 * `inject` in interleaved rounds; CPU time (user + system) per request, medians of the rounds.
 *
 *   npx tsx bench/securityHeaders.bench.ts [rounds=7] [requests per round=3000]
 */
import fastifyHelmet from "@fastify/helmet";
import Fastify, { type FastifyInstance } from "fastify";
import { HELMET_OPTIONS, securityHeaders } from "../src/http/securityHeaders";

const ROUNDS = Number(process.argv[2] ?? 7);
const N = Number(process.argv[3] ?? 3000);

async function app(kind: "plugin" | "hook" | "none"): Promise<FastifyInstance> {
  const a = Fastify();
  if (kind === "plugin") await a.register(fastifyHelmet, HELMET_OPTIONS);
  if (kind === "hook") await securityHeaders(a, HELMET_OPTIONS);
  a.get("/x", async () => ({ id: "01a25134-4964-7377-b985-53a2550fe459", status: "in_review", version: 5 }));
  await a.ready();
  return a;
}

async function round(a: FastifyInstance): Promise<number> {
  const t0 = process.cpuUsage();
  for (let i = 0; i < N; i++) await a.inject("/x");
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / N;
}

const apps = { none: await app("none"), plugin: await app("plugin"), hook: await app("hook") };
for (const a of Object.values(apps)) await round(a); // warm-up
const times: Record<keyof typeof apps, number[]> = { none: [], plugin: [], hook: [] };
for (let r = 0; r < ROUNDS; r++)
  for (const k of Object.keys(apps) as (keyof typeof apps)[]) times[k].push(await round(apps[k]));
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`CPU per request through inject, medians of ${ROUNDS} interleaved rounds of ${N}:`);
console.log(`  no security headers (baseline)        ${med(times.none).toFixed(1)} µs`);
console.log(`  @fastify/helmet plugin                ${med(times.plugin).toFixed(1)} µs`);
console.log(`  headers computed once, one hook       ${med(times.hook).toFixed(1)} µs`);
console.log(
  `cost of the headers: plugin ${(med(times.plugin) - med(times.none)).toFixed(1)} µs, hook ${(med(times.hook) - med(times.none)).toFixed(1)} µs per request`,
);
for (const a of Object.values(apps)) await a.close();
