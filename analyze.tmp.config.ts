import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
export default defineConfig({
  root: 'src/web',
  plugins: [react(), { name: 'sizes', generateBundle(_o, bundle) {
    for (const c of Object.values(bundle) as any[]) {
      if (c.type !== 'chunk') continue;
      const want = process.env.CHUNKS!.split(',');
      if (!want.some((w) => c.fileName.includes(w))) continue;
      console.log('CHUNK', c.fileName, c.code.length, 'imports', c.imports.join(' '));
      const rows = (Object.entries(c.modules) as any).map(([id, info]: any) => [info.renderedLength, id.replace(/.*node_modules\//, '').replace(/.*src\/web\//, 'src/')]);
      rows.sort((a: any, b: any) => b[0] - a[0]);
      rows.slice(0, Number(process.env.TOP ?? 25)).forEach((r: any) => console.log('  ', r[0], r[1]));
    }
  } }],
  build: { outDir: '/tmp/dist-analyze', emptyOutDir: true, write: false },
});
