import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')

/** Which layers each layer may import from: data flows one way (DESIGN.md). */
const ALLOWED: Record<string, string[]> = {
  'electron/core': ['electron/core'],
  'electron/contract': ['electron/contract', 'electron/core'],
  'electron/store': ['electron/store', 'electron/core'],
  'electron/service': ['electron/service', 'electron/contract', 'electron/core', 'electron/store'],
  'electron/notify': ['electron/notify', 'electron/service'],
  'electron/web': ['electron/web', 'electron/service', 'electron/store', 'electron/notify', 'electron/contract', 'electron/core'],
  'electron/main': ['electron/main', 'electron/service', 'electron/store', 'electron/notify', 'electron/contract', 'electron/core'],
  'electron/preload': ['electron/preload', 'electron/contract'],
  renderer: ['renderer', 'electron/contract'],
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

const layerOf = (file: string) => Object.keys(ALLOWED).find((layer) => relative(ROOT, file).startsWith(layer + '/'))

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)].map((m) => resolve(dirname(file), m[1]))
}

describe('layers import in one direction only', () => {
  const files = Object.keys(ALLOWED).flatMap((layer) => sourceFiles(join(ROOT, layer)))

  it('knows every source folder', () => {
    expect(files.length).toBeGreaterThan(30)
  })

  it.each(Object.keys(ALLOWED))('%s imports only from the layers below it', (layer) => {
    const offending = files
      .filter((file) => layerOf(file) === layer)
      .flatMap((file) =>
        relativeImports(file)
          .filter((target) => !ALLOWED[layer].some((allowed) => relative(ROOT, target).startsWith(allowed)))
          .map((target) => `${relative(ROOT, file)} → ${relative(ROOT, target)}`),
      )
    expect(offending).toEqual([])
  })

  it('keeps the renderer off Node and Electron', () => {
    const offending = sourceFiles(join(ROOT, 'renderer')).filter((file) => /from\s+['"](node:|electron['"]|fs['"]|path['"])/.test(readFileSync(file, 'utf8')))
    expect(offending.map((file) => relative(ROOT, file))).toEqual([])
  })
})

/** What a module loads when it loads (not `import type`, erased; not `import()`, loaded later): specifiers as written. */
function staticImports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\s)(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1])
}

const sourceOf = (from: string, specifier: string) => ['.ts', '.tsx', '/index.ts'].map((ending) => resolve(dirname(from), specifier + ending)).find((path) => existsSync(path))

describe('the page', () => {
  it('loads React and the app in a chunk of their own: the page’s own script reaches neither', () => {
    const modules = new Set<string>()
    const packages = new Set<string>()
    const visit = (file: string) => {
      if (modules.has(file)) return
      modules.add(file)
      for (const specifier of staticImports(file)) {
        if (!specifier.startsWith('.')) packages.add(specifier)
        const source = specifier.startsWith('.') ? sourceOf(file, specifier) : undefined
        if (source) visit(source)
      }
    }
    visit(join(ROOT, 'renderer/main.tsx'))
    expect(modules.size).toBeGreaterThan(5)
    expect([...modules].map((file) => relative(ROOT, file))).not.toContain('renderer/App.tsx')
    expect([...packages].filter((name) => /^react(-dom)?(\/|$)/.test(name))).toEqual([])
  })
})
