import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // react-admin + MUI make one large bundle; the staff dashboard is not the members' page.
    chunkSizeWarningLimit: 2000,
  },
  server: {
    // `pnpm --filter @lantern/dashboard dev` against a local server (PORT=4000 by default)
    proxy: { '/graphql': process.env.LANTERN_API ?? 'http://localhost:4000' },
  },
});
