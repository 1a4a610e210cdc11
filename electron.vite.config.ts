import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { precompress } from './scripts/precompress'
import { preloadChunk } from './scripts/preloadChunk'
import { PRELOAD_ENTRY } from './electron/main/bundle'

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot load ES modules: emit CommonJS.
      rollupOptions: {
        input: { [PRELOAD_ENTRY]: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    // Minified: the board's first paint with 10k cards starts with parsing these chunks.
    build: { minify: true, rollupOptions: { input: resolve('renderer/index.html') } },
    // main.tsx imports the app (startApp.tsx) dynamically, after sending the first requests; the page preloads it.
    plugins: [react(), preloadChunk('renderer/startApp.tsx'), precompress()],
  },
})
