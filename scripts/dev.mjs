#!/usr/bin/env node
// `npm run dev`: the server on :3000 restarted on every change of src/ (tsx watch, demo data, PGlite in
// ./data unless DATABASE_URL is set), and Vite's dev server on :5173 with hot reload, proxying /api to it.
// Open http://localhost:5173. Ctrl-C stops both.
import { spawn } from "node:child_process";

const children = [
  spawn(
    "npx",
    ["tsx", "watch", "--clear-screen=false", "src/cli/main.ts", "start", "--demo", "--host", "127.0.0.1"],
    {
      stdio: "inherit",
      env: { ...process.env, PORT: process.env.PORT ?? "3000" },
    },
  ),
  spawn("npx", ["vite", "--port", "5173", "--strictPort"], { stdio: "inherit" }),
];
const stop = () => {
  for (const c of children) c.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const c of children)
  c.on("exit", (code) => {
    if (code && code !== 0) {
      console.error(`dev: a process exited with ${code}; stopping`);
      stop();
      process.exitCode = code;
    }
  });
