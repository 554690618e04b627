import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The production bundle is served by the CityShield server under a strict
// Content-Security-Policy (script-src 'self'; style-src 'self'), so nothing
// may be inlined: CSS is always emitted as files and no inline scripts exist.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    cssCodeSplit: true,
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: "http://localhost:8080", changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      "/api": { target: "http://localhost:8080", changeOrigin: false },
    },
  },
});
