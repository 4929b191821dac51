import { DatabaseStorage } from "../../adapters/storage/databaseStorage";
import type { FileStorage } from "../../adapters/storage/storage";
import type { AppContext } from "../context";

/** Where a use case stores and reads file bytes: the context's store, else the database's (ADR 0015). */
export function fileStorage(ctx: Pick<AppContext, "storage" | "database">): FileStorage {
  return ctx.storage ?? new DatabaseStorage(ctx.database.db);
}
