import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './vite-precompress.js';
import { firstPagesGroup } from './vite-first-pages.js';

// The web app lives in src/web and is served by the Cairn server from dist/web.
export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
  // The manifest lets tests/web-delivery check which chunks each route loads.
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    manifest: true,
    rolldownOptions: {
      output: {
        // Lighthouse's mobile run queues requests (HTTP/1.1) and shares the line among them, so a first visit
        // should ask for few scripts: everything the entry imports statically is one chunk (the entry); the pages
        // people open first get a chunk per set of them that needs a module (vite-first-pages.ts); Mantine's other
        // shared modules are grouped by the set of pages that use them, and groups under 10 KB are merged into a
        // neighbour.
        chunkFileNames: (chunk) => (chunk.name.startsWith('ui~') ? 'assets/ui-[hash].js' : 'assets/[name]-[hash].js'),
        codeSplitting: {
          groups: [
            { name: 'shell', tags: ['$initial'], priority: 3 },
            firstPagesGroup(fileURLToPath(new URL('.', import.meta.url))),
            {
              name: 'ui',
              test: /node_modules[\\/](@mantine|@floating-ui)[\\/]/,
              priority: 1,
              entriesAware: true,
              entriesAwareMergeThreshold: 10_000,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: process.env.CAIRN_API_URL ?? 'http://127.0.0.1:3001', changeOrigin: false } },
  },
});
