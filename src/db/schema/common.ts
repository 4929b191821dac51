import { timestamp, uuid } from "drizzle-orm/pg-core";
import { v7 as uuidv7 } from "uuid";

/** UUIDv7 primary key (time-ordered, so B-tree inserts stay local). */
export const id = () =>
  uuid("id")
    .primaryKey()
    .$defaultFn(() => uuidv7());

/** A UTC instant column. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
