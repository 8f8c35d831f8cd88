import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'

// Default entries: src/main/index.ts, src/preload/index.ts, src/renderer/index.html; the main build
// adds parse-worker.js, the entry of the utility process that parses big layers (src/main/import).
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        external: ['better-sqlite3'],
        input: { index: resolve(__dirname, 'src/main/index.ts'), 'parse-worker': resolve(__dirname, 'src/main/import/parse-worker.ts') },
      },
    },
  },
  preload: {},
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [vue()],
    build: { chunkSizeWarningLimit: 2000 },
  },
})
