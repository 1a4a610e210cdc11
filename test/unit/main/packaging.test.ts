import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import picomatch from 'picomatch'
import { describe, expect, it, vi } from 'vitest'
import { APP_USER_MODEL_ID, TOAST_PROTOCOL } from '../../../electron/main/notifications'

vi.mock('electron', () => import('./support/fakeElectron'))

/**
 * electron-builder cannot run here (it downloads Electron and each OS's tools), so
 * this checks statically that every target electron-builder.yml lists has what its
 * builder refuses to build without, and what the app needs at run time.
 */

const ROOT = join(import.meta.dirname, '../../..')

interface BuilderConfig {
  appId?: string
  productName?: string
  files?: string[]
  directories?: { buildResources?: string }
  electronFuses?: Record<string, boolean>
  protocols?: { schemes: string[] }[]
  mac?: { target?: string[]; category?: string; hardenedRuntime?: boolean; entitlements?: string; entitlementsInherit?: string; notarize?: unknown; [key: string]: unknown }
  win?: { target?: string[] }
  linux?: { target?: string[]; category?: string }
}
interface PackageJson {
  main?: string
  description?: string
  homepage?: string
  license?: string
  author?: string | { name?: string; email?: string }
}

const pngSize = (file: string) => {
  const bytes = readFileSync(file)
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}
const EMAIL = /[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+/
const authorEmail = (pkg: PackageJson) => (typeof pkg.author === 'string' ? EMAIL.exec(pkg.author)?.[0] : pkg.author?.email)

type Check = (config: BuilderConfig, pkg: PackageJson, root: string) => string[]

const icon = (minimum: number, who: string): Check => (config, _pkg, root) => {
  const file = join(root, config.directories?.buildResources ?? 'build', 'icon.png')
  if (!existsSync(file)) return [`${who} needs build/icon.png`]
  const { width, height } = pngSize(file)
  return width >= minimum && height >= minimum ? [] : [`${who} needs an icon of at least ${minimum}×${minimum} (build/icon.png is ${width}×${height})`]
}

const mac: Check = (config, _pkg, root) => {
  const problems: string[] = []
  if (!config.appId) problems.push('macOS needs appId (the bundle identifier)')
  if (config.mac?.hardenedRuntime !== true) problems.push('notarization needs mac.hardenedRuntime: true')
  for (const key of ['entitlements', 'entitlementsInherit'] as const) {
    const file = config.mac?.[key]
    if (!file || !existsSync(join(root, file))) problems.push(`the hardened runtime needs mac.${key}, a file that exists`)
    else if (!readFileSync(join(root, file), 'utf8').includes('com.apple.security.cs.allow-jit')) problems.push(`${file} must allow JIT, or Electron's V8 cannot run under the hardened runtime`)
  }
  if (config.mac?.notarize === undefined || config.mac.notarize === false) problems.push('mac.notarize must be on (credentials come from the environment)')
  const secrets = ['appleId', 'appleIdPassword', 'teamId', 'identity'].filter((key) => config.mac?.[key] !== undefined || (typeof config.mac?.notarize === 'object' && config.mac.notarize !== null && key in config.mac.notarize))
  if (secrets.length > 0) problems.push(`signing and notarization credentials belong in environment variables, not the config (${secrets.join(', ')})`)
  return [...problems, ...icon(512, 'macOS')(config, _pkg, root)]
}

const linux: Check = (config, pkg, root) => {
  const problems: string[] = []
  if (!pkg.description) problems.push('Linux packages need package.json description')
  if (!config.linux?.category) problems.push('Linux packages need linux.category (the menu they appear in)')
  return [...problems, ...icon(256, 'Linux')(config, pkg, root)]
}

/** What electron-builder requires of each target it may be asked to build. */
const REQUIREMENTS: Record<string, Check> = {
  dmg: mac,
  zip: mac,
  nsis: (config, pkg, root) => [
    ...(config.appId === APP_USER_MODEL_ID ? [] : [`Windows toasts are attributed by appId, which must be ${APP_USER_MODEL_ID}`]),
    ...(config.protocols?.some((p) => p.schemes.includes(TOAST_PROTOCOL)) ? [] : [`toast buttons need the ${TOAST_PROTOCOL}: protocol registered`]),
    ...icon(256, 'Windows')(config, pkg, root),
  ],
  AppImage: linux,
  deb: (config, pkg, root) => [
    // The .deb's Maintainer field is the author "name <email>"; electron-builder refuses the package without it.
    ...(authorEmail(pkg) ? [] : ['a .deb needs a maintainer email: package.json author.email']),
    ...(pkg.homepage ? [] : ['a .deb needs a homepage (package.json homepage)']),
    ...linux(config, pkg, root),
  ],
}

function targetsOf(config: BuilderConfig): string[] {
  return [...(config.mac?.target ?? []), ...(config.win?.target ?? []), ...(config.linux?.target ?? [])]
}

/** Every problem electron-builder (or the packaged app) would run into. */
function packagingProblems(config: BuilderConfig, pkg: PackageJson, root: string): string[] {
  const problems = targetsOf(config).flatMap((target) => (REQUIREMENTS[target] ? REQUIREMENTS[target](config, pkg, root).map((p) => `${target}: ${p}`) : [`${target}: no requirements known; add them to this test`]))
  const selected = picomatch((config.files ?? []).filter((p) => !p.startsWith('!')))
  if (!pkg.main || !selected(pkg.main)) problems.push(`files must include the app's entry ${pkg.main}`)
  if (!pkg.license) problems.push('package.json needs a license')
  return problems
}

const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson

describe('electron-builder.yml', () => {
  it('lists installers for macOS, Windows and Linux', () => {
    expect(targetsOf(config)).toEqual(expect.arrayContaining(['dmg', 'nsis', 'AppImage', 'deb']))
  })

  it('gives every listed target what its builder requires', () => {
    expect(packagingProblems(config, pkg, ROOT)).toEqual([])
  })

  it.each([
    ['an author without an email', { ...pkg, author: 'Follow Through' }, config, /deb: a .deb needs a maintainer email/],
    ['no homepage', { ...pkg, homepage: undefined }, config, /deb: a .deb needs a homepage/],
    ['mac without the hardened runtime', pkg, { ...config, mac: { ...config.mac, hardenedRuntime: false } }, /dmg: notarization needs mac.hardenedRuntime/],
    ['entitlements that do not exist', pkg, { ...config, mac: { ...config.mac, entitlements: 'build/missing.plist' } }, /dmg: the hardened runtime needs mac.entitlements/],
    ['a notarization password in the file', pkg, { ...config, mac: { ...config.mac, notarize: { teamId: 'ABC' } } }, /credentials belong in environment variables/],
    ['an unknown target', pkg, { ...config, linux: { ...config.linux, target: ['snap'] } }, /snap: no requirements known/],
    ['files that leave out the entry', pkg, { ...config, files: ['resources/**'] }, /files must include the app's entry/],
  ] as const)('fails with %s', (_what, brokenPkg, brokenConfig, problem) => {
    expect(packagingProblems(brokenConfig as BuilderConfig, brokenPkg as PackageJson, ROOT).join('\n')).toMatch(problem)
  })

  it('sets the Electron fuses: no Node mode, no NODE_OPTIONS or inspector, encrypted cookies, only the checked asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
  })
})
