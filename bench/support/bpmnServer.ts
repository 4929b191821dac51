/**
 * The baseline of bench/lifecycle.bench.ts: the same parallel-review process (start → parallel gateway →
 * two user tasks → join → end) run by bpmn-engine behind a plain Fastify server, as a workflow server
 * built on it would run it: every instance's state (`engine.getState()`) is saved as JSON in PostgreSQL
 * after each step, and each step recovers the engine from the saved state (`Engine.recover` +
 * `resume`), signals the task and saves again, in one transaction holding the instance's row lock.
 * The BPMN is parsed once (its serialized context is reused by every new instance).
 *
 *   DATABASE_URL=postgres://… node --import tsx bench/support/bpmnServer.ts   → prints "running at URL"
 *
 *   POST /instances                          → 201 { id, waiting: ["planning", "land"] }
 *   POST /instances/:id/tasks/:task/complete → 200 { id, state: "running" | "completed" }
 */
import { randomUUID } from "node:crypto";
import { Engine } from "bpmn-engine";
import Fastify from "fastify";
import pg from "pg";

/** The process: start → fork → 规划条件审查 ∥ 用地审查 → join → end. */
export const PARALLEL_REVIEW_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="parallelReview" targetNamespace="http://yizhan.example/bench">
  <process id="review" isExecutable="true">
    <startEvent id="start" />
    <sequenceFlow id="toFork" sourceRef="start" targetRef="fork" />
    <parallelGateway id="fork" />
    <sequenceFlow id="toPlanning" sourceRef="fork" targetRef="planning" />
    <sequenceFlow id="toLand" sourceRef="fork" targetRef="land" />
    <userTask id="planning" name="规划条件审查" />
    <userTask id="land" name="用地审查" />
    <sequenceFlow id="planningDone" sourceRef="planning" targetRef="join" />
    <sequenceFlow id="landDone" sourceRef="land" targetRef="join" />
    <parallelGateway id="join" />
    <sequenceFlow id="toEnd" sourceRef="join" targetRef="end" />
    <endEvent id="end" />
  </process>
</definitions>`;

/** The table the instances live in (created by the bench in its fresh database). */
export const BPMN_TABLE_SQL = `CREATE TABLE IF NOT EXISTS bpmn_instances (
  id uuid PRIMARY KEY,
  state jsonb NOT NULL,
  completed boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
)`;

type SourceContext = NonNullable<ConstructorParameters<typeof Engine>[0]>["sourceContext"];

async function main(): Promise<void> {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
  await pool.query(BPMN_TABLE_SQL);
  // Parse the XML once: bpmn-engine's own serializer, reached through a first engine.
  const parser = new Engine({ name: "parallelReview", source: PARALLEL_REVIEW_BPMN }) as unknown as {
    _serializeSource(source: string): Promise<SourceContext>;
  };
  const sourceContext = await parser._serializeSource(PARALLEL_REVIEW_BPMN);

  const app = Fastify({ logger: false });
  app.post("/instances", async (_req, reply) => {
    const engine = new Engine({ name: "parallelReview", sourceContext });
    const execution = await engine.execute();
    const waiting = execution.getPostponed().map((a) => a.id);
    const id = randomUUID();
    await pool.query("INSERT INTO bpmn_instances (id, state) VALUES ($1, $2)", [
      id,
      JSON.stringify(await engine.getState()),
    ]);
    return reply.code(201).send({ id, waiting });
  });
  app.post<{ Params: { id: string; task: string } }>(
    "/instances/:id/tasks/:task/complete",
    async (req, reply) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const row = await client.query<{ state: unknown; completed: boolean }>(
          "SELECT state, completed FROM bpmn_instances WHERE id = $1 FOR UPDATE",
          [req.params.id],
        );
        if (row.rowCount === 0 || row.rows[0].completed) {
          await client.query("ROLLBACK");
          return reply.code(404).send({ error: "no such running instance" });
        }
        const engine = new Engine().recover(row.rows[0].state);
        let completed = false;
        engine.once("end", () => {
          completed = true;
        });
        const execution = await engine.resume();
        if (!execution.getPostponed().some((a) => a.id === req.params.task)) {
          await client.query("ROLLBACK");
          return reply.code(409).send({ error: "task not waiting" });
        }
        execution.signal({ id: req.params.task });
        await client.query(
          "UPDATE bpmn_instances SET state = $2, completed = $3, version = version + 1, updated_at = now() WHERE id = $1",
          [req.params.id, JSON.stringify(await engine.getState()), completed],
        );
        await client.query("COMMIT");
        return { id: req.params.id, state: completed ? "completed" : "running" };
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
  );
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  process.stdout.write(`bpmn-engine server running at ${url}\n`);
  const stop = async () => {
    await app.close();
    await pool.end();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (process.argv[1]?.endsWith("bpmnServer.ts")) await main();
