// Vite builds the web client (src/web) into dist/web, which the server serves with an SPA fallback.
// `npx vite` runs the dev server and proxies /api to the API server on port 3000.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Name the lazily loaded chunks after their capability folder (students-pages-….js) instead of "pages-….js".
        chunkFileNames(chunk) {
          const id = chunk.facadeModuleId ?? chunk.moduleIds.find((m) => m.includes('/src/web/')) ?? '';
          const folder = /src\/web\/([^/]+)\/[^/]+$/.exec(id)?.[1];
          return folder ? `assets/${folder}-[name]-[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
      '/ical': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
