import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Only the dev/preview servers read this; the built app talks to its own origin.
declare const process: { env: Record<string, string | undefined> };
const apiTarget = process.env.OSELIA_API_URL ?? 'http://localhost:3000';

const proxy = { '/api': { target: apiTarget, changeOrigin: false } };

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 4173, proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // The lazily loaded ECharts chunk (oblast map) is about 540 kB; everything else is far below.
    chunkSizeWarningLimit: 600,
  },
});
