import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './vite-precompress.js';

// The web app lives in src/web and is served by the Cairn server from dist/web.
export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
  // The manifest lets tests/web-delivery check which chunks each route loads.
  build: { outDir: '../../dist/web', emptyOutDir: true, manifest: true },
  server: {
    proxy: { '/api': { target: process.env.CAIRN_API_URL ?? 'http://127.0.0.1:3001', changeOrigin: false } },
  },
});
