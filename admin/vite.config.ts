import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API (pnpm dev or pnpm start at the repository root) listens on :4000. In development the
// Vite server proxies /graphql to it, WebSocket upgrades (graphql-ws subscriptions) included, so
// the app talks to the same origin as in production, where the API serves the built files.
const api = process.env.KOK_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // The data grid is only needed on the servants list: keep it out of the first load.
    chunkSizeWarningLimit: 900,
  },
});
