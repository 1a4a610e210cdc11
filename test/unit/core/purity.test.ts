import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const CORE = join(import.meta.dirname, '../../../electron/core')
const files = readdirSync(CORE).filter((name) => name.endsWith('.ts'))
const sources = files.map((name) => ({ name, text: readFileSync(join(CORE, name), 'utf8') }))

describe('electron/core stays pure', () => {
  it('has modules to check', () => {
    expect(files.length).toBeGreaterThan(5)
  })

  it.each(sources)('$name imports neither Electron nor Node built-ins', ({ text }) => {
    const imports = [...text.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1])
    expect(imports.filter((spec) => spec === 'electron' || spec.startsWith('node:') || /^(fs|path|os|child_process|crypto)$/.test(spec))).toEqual([])
  })

  it.each(sources)('$name never reads the clock itself', ({ text }) => {
    expect(text).not.toMatch(/Date\.now\(|new Date\(\s*\)|performance\.now\(/)
  })
})
