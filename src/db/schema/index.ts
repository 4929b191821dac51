export * from "./auth";
export * from "./calendar";
export * from "./catalog";
export * from "./organizations";
export * from "./outbox";
export * from "./users";
