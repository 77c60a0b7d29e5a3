import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'

// Two builds into the jar's static resources (`npm run build` runs both):
//  - the staff desk (index.html → /), as before;
//  - mode "mobile": the mother's app and the community doctor's offline home visits (m/index.html → /m/),
//    an installable PWA: its own assets under m/assets/, a Workbox service worker (/m/sw.js, scope /m/)
//    precaching exactly that shell, and a web manifest. Built second, without emptying the staff build.
// The dev server proxies the API to a running fuyou.
const proxy = { '/api': 'http://localhost:8080', '/fhir': 'http://localhost:8080', '/cds-services': 'http://localhost:8080', '/actuator': 'http://localhost:8080' }

export default defineConfig(({ mode }) => mode === 'mobile'
  ? {
      plugins: [
        vue(),
        VitePWA({
          injectRegister: false, // registered by m/main.ts, scoped to /m/
          registerType: 'autoUpdate',
          filename: 'm/sw.js',
          scope: '/m/',
          // The web manifest is a static file (m/public/m/manifest.webmanifest): the plugin's own entries would be
          // relative to the worker (/m/m/…) and fail its install, so it adds none.
          manifest: false,
          includeManifestIcons: false,
          workbox: {
            globDirectory: '../target/classes/static',
            globPatterns: ['m/**/*.{js,css,html,svg,png,webmanifest}'],
            globIgnores: ['m/sw.js', 'm/workbox-*.js'],
            modifyURLPrefix: { 'm/': '/m/' }, // absolute URLs: the worker lives at /m/sw.js
            clientsClaim: true,
            skipWaiting: true,
            navigateFallback: '/m/index.html',
            navigateFallbackAllowlist: [/^\/m\//],
            cleanupOutdatedCaches: true,
            // API answers are never cached by the worker: the home-visit page keeps its data in IndexedDB (dexie)
            runtimeCaching: []
          }
        })
      ],
      publicDir: 'm/public',
      build: {
        outDir: '../target/classes/static',
        emptyOutDir: false,
        assetsDir: 'm/assets',
        rollupOptions: { input: { m: 'm/index.html' } }
      },
      server: { proxy }
    }
  : {
      plugins: [vue()],
      build: {
        outDir: '../target/classes/static',
        emptyOutDir: true,
        chunkSizeWarningLimit: 1500,
        rollupOptions: {
          output: {
            manualChunks: { echarts: ['echarts/core', 'echarts/charts', 'echarts/components', 'echarts/renderers'], element: ['element-plus'] }
          }
        }
      },
      server: { proxy }
    })
