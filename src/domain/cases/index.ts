/** The case lifecycle (办件): statuses, commands, guards and the pure state machine. */
export * from "./caseState";
export * from "./caseStatus";
export * from "./commands";
export * from "./context";
export * from "./guards";
export * from "./reviewPlan";
export * from "./transition";
export * from "./transitions";
