// Vite builds the client from client/ into dist/client, which the server serves. In dev,
// Vite proxies the API and websocket paths to the server running next to it.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = `http://127.0.0.1:${process.env.PORT ?? '8080'}`;

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: false },
  server: {
    port: 5173,
    proxy: {
      '/api': server,
      '/healthz': server,
      '/metrics': server,
      '/sync': { target: server, ws: true },
    },
  },
});
