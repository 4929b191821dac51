/**
 * Numbers a request may carry, bounded to what the database stores: integer columns are PostgreSQL
 * `integer` (32 bits), so an `expectedVersion` of 2^31 failed in the driver as a 500 instead of being
 * a 409 or a 422. Used by server and web alike.
 */
import { z } from "zod";

/** The largest PostgreSQL `integer`. */
export const INT32_MAX = 2_147_483_647;

/** The version of a record the caller read (optimistic check): a positive 32-bit integer. */
export const ZExpectedVersion = z.number().int().min(1).max(INT32_MAX);
