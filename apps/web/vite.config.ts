import vue from '@vitejs/plugin-vue';
import { defaultClientConditions, defineConfig } from 'vite';
import { elementStyles } from './build/element-styles.ts';

// Workspace packages are read as TypeScript source (the `@kesu/source` export condition).
export default defineConfig({
  plugins: [vue(), elementStyles()],
  resolve: { conditions: ['@kesu/source', ...defaultClientConditions] },
  define: {
    __VUE_OPTIONS_API__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: { proxy: { '/api': process.env['KESU_API'] ?? 'http://127.0.0.1:8080' } },
  // The manifest lets the size test add up what a route loads.
  build: { target: 'es2022', manifest: true, chunkSizeWarningLimit: 900 },
});
