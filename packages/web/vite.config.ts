import react from '@vitejs/plugin-react';
import { defineConfig, type PluginOption } from 'vite';

// The production bundle is served by the CityShield server under a strict
// Content-Security-Policy (script-src 'self'; style-src 'self'), so nothing
// may be inlined: CSS is always emitted as files and no inline scripts exist.
// @vitejs/plugin-react is hoisted to the workspace root, where its type
// declarations see the root's (newer) vite pulled in by vitest. At run time
// the plugin works with both, so only the type needs bridging.
const reactPlugin = react() as unknown as PluginOption;

export default defineConfig({
  plugins: [reactPlugin],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    cssCodeSplit: true,
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
    },
  },
});
