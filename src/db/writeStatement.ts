/**
 * The SQL text of a command's one write statement (data-modifying CTEs), built without Drizzle's
 * per-chunk walk for its plain inserts and updates (ADR 0017g).
 *
 * Drizzle turns a query into text by walking every chunk of it with `is()` checks: a few chunks per
 * value, and a command's write statement carries four to six tables' rows. A plain insert
 * (`tx.insert(t).values(rows)`, no `returning`, `on conflict` or `select`) is written here directly from
 * the values Drizzle already mapped: the table's insertable columns in Drizzle's order, each value
 * through its column's `mapToDriverValue`, `$defaultFn` called and `default` written where a value is
 * missing. A plain update (`set`, `where`, columns returned) likewise, its `where` and any `sql` value
 * built by Drizzle. Text and parameters are those Drizzle itself would send (writeStatement.test.ts
 * compares them); anything else (inserts with clauses, raw `sql`) is built by Drizzle as before, its
 * parameters numbered after those before it. Relies on Drizzle 0.45's query `config` (internal).
 */
import {
  type BuildQueryConfig,
  Column,
  getTableColumns,
  is,
  Param,
  type Query,
  SQL,
  type SQLWrapper,
  type Table,
} from "drizzle-orm";
import { getTableConfig, PgDialect, PgInsertBase, type PgTable, PgUpdateBase } from "drizzle-orm/pg-core";

const dialect = new PgDialect();
// What Drizzle's dialect passes to `toQuery` (PgDialect.sqlToQuery), with a starting parameter number.
const buildConfig = (start: number) => ({
  casing: (dialect as unknown as { casing: BuildQueryConfig["casing"] }).casing,
  escapeName: dialect.escapeName,
  escapeParam: dialect.escapeParam,
  escapeString: dialect.escapeString,
  paramStartIndex: { value: start },
});

type InsertConfig = {
  table: Table;
  values: unknown;
  withList?: unknown[];
  onConflict?: unknown;
  returning?: unknown;
  select?: boolean;
  overridingSystemValue_?: boolean;
};

type ColumnEntry = { key: string; column: Column; name: string };
const tableColumns = new WeakMap<Table, { name: string; columns: ColumnEntry[]; list: string }>();

/** The quoted name and insertable columns of a table, as Drizzle's insert lists them (cached). */
function columnsOf(table: Table) {
  let hit = tableColumns.get(table);
  if (hit) return hit;
  const columns = Object.entries(getTableColumns(table))
    .filter(([, column]) => !(column as unknown as { shouldDisableInsert(): boolean }).shouldDisableInsert())
    .map(([key, column]) => ({ key, column, name: dialect.escapeName(column.name) }));
  const { schema, name } = getTableConfig(table as PgTable);
  hit = {
    name: `${schema ? `${dialect.escapeName(schema)}.` : ""}${dialect.escapeName(name)}`,
    columns,
    list: columns.map((c) => c.name).join(", "),
  };
  tableColumns.set(table, hit);
  return hit;
}

// Drizzle's symbols for a table's names (`Table.Symbol` is internal to its types).
const NAME = Symbol.for("drizzle:Name");
const ORIGINAL_NAME = Symbol.for("drizzle:OriginalName");

/** A plain insert's text and parameters, or null when Drizzle must build it (clauses, `select`). */
function plainInsert(write: SQLWrapper, params: unknown[]): string | null {
  if (!is(write, PgInsertBase)) return null;
  const config = (write as unknown as { config: InsertConfig }).config;
  if (
    config.select ||
    config.onConflict ||
    config.returning ||
    config.overridingSystemValue_ ||
    (config.withList && config.withList.length > 0) ||
    !Array.isArray(config.values)
  )
    return null;
  const { name, columns, list } = columnsOf(config.table);
  const mark = params.length;
  const rows: string[] = [];
  for (const row of config.values as Record<string, unknown>[]) {
    const cells: string[] = [];
    for (const { key, column } of columns) {
      let value = row[key];
      if (value === undefined || (is(value, Param) && value.value === undefined)) {
        if (column.defaultFn === undefined) {
          cells.push("default");
          continue;
        }
        value = column.defaultFn();
        if (!is(value, SQL)) value = new Param(value, column);
      }
      if (is(value, Param)) {
        const mapped = value.value === null ? null : value.encoder.mapToDriverValue(value.value);
        if (is(mapped, SQL)) {
          cells.push(sqlPiece(mapped, params));
          continue;
        }
        params.push(mapped);
        cells.push(`$${params.length}`);
      } else if (is(value, SQL)) {
        cells.push(sqlPiece(value, params));
      } else {
        params.length = mark;
        return null;
      }
    }
    rows.push(`(${cells.join(", ")})`);
  }
  return `insert into ${name} (${list}) values ${rows.join(", ")}`;
}

type UpdateConfig = {
  table: Table;
  set: Record<string, unknown>;
  where?: SQL;
  returning?: { field: unknown }[];
  withList?: unknown[];
  from?: unknown;
  joins?: unknown[];
};

/** A plain update's text and parameters (a `set`, a `where`, columns returned), or null for Drizzle. */
function plainUpdate(write: SQLWrapper, params: unknown[]): string | null {
  if (!is(write, PgUpdateBase)) return null;
  const config = (write as unknown as { config: UpdateConfig }).config;
  const t = config.table as unknown as Record<symbol, string>;
  if (
    config.from ||
    (config.joins && config.joins.length > 0) ||
    (config.withList && config.withList.length > 0) ||
    t[NAME] !== t[ORIGINAL_NAME]
  )
    return null;
  const { name, columns } = columnsOf(config.table);
  const mark = params.length;
  const fail = () => {
    params.length = mark;
    return null;
  };
  const sets: string[] = [];
  for (const { key, column, name: col } of columns) {
    if (column.onUpdateFn !== undefined) return fail();
    const value = config.set[key];
    if (value === undefined) continue;
    if (is(value, Param)) {
      const mapped = value.value === null ? null : value.encoder.mapToDriverValue(value.value);
      if (is(mapped, SQL)) sets.push(`${col} = ${sqlPiece(mapped, params)}`);
      else {
        params.push(mapped);
        sets.push(`${col} = $${params.length}`);
      }
    } else if (is(value, SQL)) sets.push(`${col} = ${sqlPiece(value, params)}`);
    else return fail();
  }
  const where = config.where ? ` where ${sqlPiece(config.where, params)}` : "";
  let returning = "";
  if (config.returning) {
    const fields: string[] = [];
    for (const { field } of config.returning) {
      if (!is(field, Column)) return fail();
      fields.push(dialect.escapeName((field as Column).name));
    }
    returning = ` returning ${fields.join(", ")}`;
  }
  return `update ${name} set ${sets.join(", ")}${where}${returning}`;
}

/** Builds a piece with Drizzle, its parameters numbered after `params` (which it extends). */
function sqlPiece(piece: SQLWrapper, params: unknown[]): string {
  const q = piece.getSQL().toQuery(buildConfig(params.length));
  params.push(...q.params);
  return q.sql;
}

/**
 * One statement running `writes` as data-modifying CTEs `w0 … wn`, then `last` (named `saved`) and
 * `select` over it: what `saveCase` sends. Each plain insert is written directly; the rest by Drizzle.
 */
export function writeStatement(writes: SQLWrapper[], last: SQLWrapper, select: string): Query {
  const params: unknown[] = [];
  const ctes: string[] = [];
  writes.forEach((w, i) => {
    ctes.push(`w${i} as (${plainWrite(w, params)})`);
  });
  ctes.push(`saved as (${plainWrite(last, params)})`);
  return { sql: `with ${ctes.join(", ")} ${select}`, params };
}

/** A write's text, appending its parameters: directly for plain inserts and updates, else by Drizzle. */
function plainWrite(write: SQLWrapper, params: unknown[]): string {
  return plainInsert(write, params) ?? plainUpdate(write, params) ?? sqlPiece(write, params);
}

/**
 * What {@link writeStatement} makes of one write alone, and whether it was written directly (`plain`)
 * or by Drizzle: the tests compare it with Drizzle's own text.
 */
export function writeText(write: SQLWrapper): Query & { plain: boolean } {
  const params: unknown[] = [];
  const plain = plainInsert(write, params) ?? plainUpdate(write, params);
  return plain === null
    ? { ...dialect.sqlToQuery(write.getSQL()), plain: false }
    : { sql: plain, params, plain: true };
}
