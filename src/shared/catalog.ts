/** Service catalog schemas (政务服务事项), shared by server and web. */
export * from "./catalog/enums.ts";
export * from "./catalog/item.ts";
export * from "./catalog/parts.ts";
export * from "./catalog/summary.ts";
