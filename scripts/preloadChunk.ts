import type { Plugin } from 'vite'

/**
 * Adds a `<link rel="modulepreload">` to the page for the chunk built from `entry` (a
 * module the page imports dynamically), and links its styles, so the browser fetches
 * and compiles it from the start, alongside the page's own script, rather than once
 * that script has run. Vite preloads only what the page imports statically (and its
 * import helper skips styles already linked).
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
        const styles = [...(chunk.viteMetadata?.importedCss ?? [])].map((file) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `${base}${file}` }, injectTo: 'head' as const }))
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${chunk.fileName}` }, injectTo: 'head' as const }, ...styles]
      },
    },
  }
}
