import type { Plugin } from 'vite'

/**
 * Adds a `<link rel="modulepreload">` to the page for the chunk built from `entry` (a
 * module the page imports dynamically), so the browser fetches and compiles it from
 * the start, alongside the page's own script, rather than once that script has run.
 * Vite preloads only what the page imports statically.
 */
export function preloadChunk(entry: string): Plugin {
  let base = './'
  return {
    name: 'follow-through:preload-chunk',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunk = Object.values(bundle ?? {}).find((output) => output.type === 'chunk' && output.facadeModuleId?.endsWith(entry))
        if (!chunk) throw new Error(`preloadChunk: no chunk was built from ${entry}`)
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${chunk.fileName}` }, injectTo: 'head' }]
      },
    },
  }
}
