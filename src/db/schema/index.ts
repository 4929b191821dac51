export * from "./auth";
export * from "./calendar";
export * from "./organizations";
export * from "./outbox";
export * from "./users";
