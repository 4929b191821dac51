import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { precompress } from "./scripts/precompress.ts";

const repoRoot = fileURLToPath(new URL(".", import.meta.url));
const apiTarget = process.env.YIZHAN_API_URL ?? "http://127.0.0.1:3000";

/** After the build: `.br` and `.gz` beside every text asset, served as they are (src/http/server.ts). */
function precompressed(): Plugin {
  let outDir = "";
  return {
    name: "yizhan-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const s = precompress(outDir);
      const kb = (n: number) => `${Math.round(n / 1024)} kB`;
      this.info?.(`precompressed ${s.files} files: ${kb(s.raw)} → br ${kb(s.br)}, gz ${kb(s.gz)}`);
    },
  };
}

/**
 * The web application: sources in `web/`, built into `dist/web`, which the Fastify server serves at `/`.
 * Text assets are precompressed (brotli, gzip) after the build. In development (`npx vite`) the API and the health check are proxied to the server on port 3000.
 */
export default defineConfig({
  root: fileURLToPath(new URL("./web", import.meta.url)),
  plugins: [react(), precompressed()],
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
