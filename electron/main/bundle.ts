/**
 * The built preload's name, shared by electron.vite.config.ts (which emits it) and
 * window.ts (which loads it), so the two cannot drift apart. CommonJS: a sandboxed
 * preload cannot load ES modules.
 */
export const PRELOAD_ENTRY = 'index'
export const PRELOAD_FILE = `${PRELOAD_ENTRY}.cjs`
