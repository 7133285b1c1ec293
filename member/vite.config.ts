import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Served by the Lantern server under /member/ (the dashboard has `/`).
  base: '/member/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // The page must stay small (150 KB of script, gzipped, in all; a server test checks it).
    chunkSizeWarningLimit: 300,
    // Nothing inlined as data: URLs; everything is a file from this origin.
    assetsInlineLimit: 0,
  },
  server: {
    // `pnpm --filter @lantern/member dev` against a local server (PORT=4000 by default)
    proxy: { '/graphql': process.env.LANTERN_API ?? 'http://localhost:4000' },
  },
});
