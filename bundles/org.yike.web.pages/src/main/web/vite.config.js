import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// Built into the bundle's classes under pages/, which PagesServlet serves at /.
// `npm run dev` proxies the API and the live sockets to a Yike on localhost:8080 (YIKE to change).
const yike = process.env.YIKE ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('../../../target/classes/pages', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/api': yike,
      '/live': { target: yike, ws: true },
    },
  },
});
