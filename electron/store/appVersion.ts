import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The app's version, from the package.json above this module (in the source tree
 * or in the packaged app). The store may not import it as a module (the layers'
 * rule), and the version only has to tell one build's checksum note from another's.
 */
function findAppVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let depth = 0; depth < 6; depth++) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string }
      if (manifest.name === 'follow-through' && manifest.version) return manifest.version
    } catch {
      // Not here: look one folder up.
    }
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  return 'unknown'
}

export const APP_VERSION = findAppVersion()
