import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// Built into the bundle's classes under pages/, which PagesServlet serves at /.
// `npm run dev` proxies the API and the live sockets to a Yike on localhost:8080 (YIKE to change).
const yike = process.env.YIKE ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [vue()],
  // vue-i18n's build-time switches: the Composition API only (no legacy API, no global components), no devtools
  define: {
    __VUE_I18N_LEGACY_API__: false,
    __VUE_I18N_FULL_INSTALL__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
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
