import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/

/**
 * Writes a .br and a .gz beside each text asset of the renderer build, so browser
 * mode serves them precompressed (sirv picks them by Accept-Encoding) instead of
 * sending the bundle raw or compressing it on every request.
 */
export function precompress(): Plugin {
  let outDir = ''
  return {
    name: 'follow-through:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
    },
    async writeBundle(_options, bundle) {
      await Promise.all(
        Object.keys(bundle)
          .filter((name) => COMPRESSIBLE.test(name))
          .map(async (name) => {
            const path = join(outDir, name)
            const content = await readFile(path)
            if (content.length < 1024) return
            await writeFile(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }))
            await writeFile(`${path}.gz`, gzipSync(content, { level: 9 }))
          }),
      )
    },
  }
}
