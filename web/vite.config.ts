import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Built by Maven into the jar's static resources; the dev server proxies the API to a running fuyou.
export default defineConfig({
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
  server: {
    proxy: { '/api': 'http://localhost:8080', '/fhir': 'http://localhost:8080', '/cds-services': 'http://localhost:8080', '/actuator': 'http://localhost:8080' }
  }
})
