import { DatabaseStorage } from "../../adapters/storage/databaseStorage";
import type { FileStorage } from "../../adapters/storage/storage";
import type { Executor } from "../../db/client";
import type { AppContext } from "../context";

/**
 * Where a use case stores and reads file bytes: the context's store, else the database's (ADR 0015). Inside
 * a transaction pass its executor: the bytes are then written with the rows that name them (and on the
 * embedded database, whose one connection the transaction holds, a write beside it would wait forever).
 */
export function fileStorage(ctx: Pick<AppContext, "storage" | "database">, ex?: Executor): FileStorage {
  const store = ctx.storage ?? new DatabaseStorage(ctx.database.db);
  return ex && store instanceof DatabaseStorage ? store.on(ex) : store;
}
