import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is plain browser code: built to dist/renderer and served by the app's custom
// protocol (Electron) or by Playwright's route handler (tests), never from file://.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
  },
});
