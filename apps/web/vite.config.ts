import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves dist/ at / and the API at /api on the same origin; in dev, Vite proxies /api.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
});
