import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from a file:// URL in Electron and from the browser host's root, so
// every asset path is relative.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The bundle is read from disk (Electron's app:// or the loopback host), never downloaded, so
    // a large chunk costs no network time; what the first screen loads is kept small for parsing
    // (docs/renderer.md, "How the app opens").
    chunkSizeWarningLimit: 1024,
  },
});
