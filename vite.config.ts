import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const repoRoot = fileURLToPath(new URL(".", import.meta.url));
const apiTarget = process.env.YIZHAN_API_URL ?? "http://127.0.0.1:3000";

/**
 * The web application: sources in `web/`, built into `dist/web`, which the Fastify server serves at `/`.
 * In development (`npx vite`) the API and the health check are proxied to the server on port 3000.
 */
export default defineConfig({
  root: fileURLToPath(new URL("./web", import.meta.url)),
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
  },
  server: {
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
      "/healthz": { target: apiTarget, changeOrigin: false },
    },
  },
});
