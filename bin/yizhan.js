#!/usr/bin/env node
// The `yizhan` command. Runs the TypeScript sources directly through tsx (no separate compile step).
// The workers of `yizhan start --workers N` are forked through this same file, so each registers tsx.
import { register } from "tsx/esm/api";

register();
const { runProcess } = await import("../src/cli/run.ts");
await runProcess();
