import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app lives in web/ whatever directory Vite is started from (the repo root in npm scripts). */
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiPort = process.env.LANTERN_API_PORT ?? '8080';

export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // The server's CSP forbids inline code; keep every asset a same-origin file.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    host: '127.0.0.1',
    port: Number(process.env.LANTERN_WEB_PORT ?? 5173),
    proxy: {
      '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false },
    },
  },
  preview: {
    host: '127.0.0.1',
  },
});
