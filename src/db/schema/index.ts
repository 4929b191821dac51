export * from "./auth";
export * from "./calendar";
export * from "./cases";
export * from "./catalog";
export * from "./organizations";
export * from "./outbox";
export * from "./users";
