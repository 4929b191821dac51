/**
 * Statements of the hot paths (the session lookup, a command's lock and read) built into SQL text once
 * per process and run as named prepared statements (ADR 0017g).
 *
 * Drizzle builds each statement's text from its query objects on every call (`sqlToQuery`, a walk of
 * every chunk with `is()`): a quarter of the server's CPU per case command. Its own `.prepare(name)`
 * keeps the text but is bound to the handle that made it, and our commands run each in a transaction of
 * their own. A {@link PreparedStatement} keeps what `.prepare()` computed — the text with `$n` for its
 * placeholders, the selected fields that map the rows — and for each run asks the executor's session
 * (the transaction's client, or the pool) for a prepared query over that text: Drizzle's own driver
 * code runs it, so rows are mapped (camelCase, dates, jsonb) and errors wrapped exactly as before. On
 * node-postgres the statement carries its name, so each connection parses and plans it once; PGlite
 * ignores the name and parses the text each time (its `query` keeps no statements).
 */
import type { Query, SQL } from "drizzle-orm";
import { PgDialect, type PgSession, type SelectedFieldsOrdered } from "drizzle-orm/pg-core";
import type { Executor } from "./client";

/** A built statement as Drizzle's prepared query keeps it (fields internal to Drizzle 0.45). */
type Built = {
  getQuery(): Query;
  isResponseInArrayMode(): boolean;
  fields?: SelectedFieldsOrdered;
  joinsNotNullableMap?: Record<string, boolean>;
  customResultMapper?: (rows: unknown[][]) => unknown;
};

/** What a prepared statement is built from: a query builder with `.prepare(name)`, or an `sql` template. */
export type Preparable = { prepare(name: string): unknown } | SQL;

type Shape = Omit<Built, "getQuery" | "isResponseInArrayMode"> & { query: Query; arrayMode: boolean };

const dialect = new PgDialect();
const names = new Set<string>();

/**
 * A statement built once (its values are `sql.placeholder(name)`s) and run with the values of each
 * call. `build` receives the first executor the statement runs on and must return the same shape for
 * any executor: a select builder (rows mapped by its fields) or an `sql` template (raw rows, as
 * `queryRows` returns them). The name must be unique in the process: node-postgres refuses one name
 * for two texts on a connection.
 */
export class PreparedStatement<TRow> {
  private shape: Shape | null = null;

  constructor(
    readonly name: string,
    private readonly build: (ex: Executor) => Preparable,
  ) {
    if (names.has(name)) throw new Error(`Prepared statement ${name} is defined twice`);
    names.add(name);
  }

  /** The SQL text the statement sends (built on first use). */
  text(ex: Executor): string {
    return this.shapeFor(ex).query.sql;
  }

  /** Runs the statement on `ex` (a transaction's client or the database) with `values` for its placeholders. */
  async run(ex: Executor, values: Record<string, unknown>): Promise<TRow[]> {
    const shape = this.shapeFor(ex);
    const session = (ex as unknown as { session: PgSession }).session;
    const q = session.prepareQuery(
      shape.query,
      shape.fields,
      this.name,
      shape.arrayMode,
      shape.customResultMapper,
    );
    (q as unknown as Built).joinsNotNullableMap = shape.joinsNotNullableMap;
    const res = (await q.execute(values)) as TRow[] | { rows: TRow[] };
    return Array.isArray(res) ? res : res.rows;
  }

  private shapeFor(ex: Executor): Shape {
    if (this.shape) return this.shape;
    const built = this.build(ex);
    if ("prepare" in built && typeof built.prepare === "function") {
      const p = built.prepare(this.name) as Built;
      this.shape = {
        query: p.getQuery(),
        arrayMode: p.isResponseInArrayMode(),
        fields: p.fields,
        joinsNotNullableMap: p.joinsNotNullableMap,
        customResultMapper: p.customResultMapper,
      };
    } else {
      this.shape = { query: dialect.sqlToQuery(built as SQL), arrayMode: false };
    }
    return this.shape;
  }
}

/**
 * Runs SQL text already built (e.g. {@link import("./writeStatement").writeStatement}) on `ex`, unnamed,
 * and returns its raw rows as `queryRows` would.
 */
export async function runQuery<TRow>(ex: Executor, query: Query): Promise<TRow[]> {
  const session = (ex as unknown as { session: PgSession }).session;
  const res = (await session.prepareQuery(query, undefined, undefined, false).execute()) as { rows: TRow[] };
  return res.rows;
}
