// Relative asset paths, so the bench's static server can serve dist/ from any folder; the
// fonts are copied beside the page because the bench has no network to fetch them from.
import { cpSync } from 'node:fs';
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 10_000 },
  plugins: [
    {
      name: 'excalidraw-fonts',
      closeBundle() {
        cpSync('node_modules/@excalidraw/excalidraw/dist/prod/fonts', 'dist/fonts', { recursive: true });
      },
    },
  ],
});
