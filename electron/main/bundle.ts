/**
 * The built preload's name, shared by electron.vite.config.ts (its entry, emitted
 * as `[name].cjs`) and window.ts (which loads PRELOAD_FILE), so the two cannot
 * drift apart. CommonJS: a sandboxed preload cannot load ES modules.
 */
export const PRELOAD_ENTRY = 'index'
export const PRELOAD_FILE = `${PRELOAD_ENTRY}.cjs`
