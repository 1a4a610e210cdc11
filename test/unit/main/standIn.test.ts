import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bridgeCopy, cloneForIpc, RendererPage } from '../../support/electron/page'

/** The Electron stand-in (test/support/electron) refuses what real Electron refuses; otherwise its scenarios prove nothing. */

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ft-stand-in-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const page = (preload: string, preferences: Partial<{ sandbox: boolean; contextIsolation: boolean }> = {}) =>
  new RendererPage({ preload, sandbox: true, contextIsolation: true, nodeIntegration: false, ...preferences }, async () => null, { event: () => ({}) })

const preloadFile = async (name: string, source: string) => {
  const file = join(dir, name)
  await writeFile(file, source)
  return file
}

describe('the stand-in’s preload', () => {
  it('runs CommonJS and exposes a copy through contextBridge', async () => {
    const file = await preloadFile('ok.cjs', "const { contextBridge } = require('electron'); contextBridge.exposeInMainWorld('api', { ping: () => 'pong' })")
    const renderer = page(file)
    renderer.runPreload()
    expect((renderer.mainWorld.api as { ping(): string }).ping()).toBe('pong')
  })

  it('refuses an ES module preload in a sandbox', async () => {
    const file = await preloadFile('esm.mjs', "import { contextBridge } from 'electron'")
    expect(() => page(file).runPreload()).toThrow(/Unable to load preload script/)
  })

  it('gives a sandboxed preload only electron, events, timers and url', async () => {
    const file = await preloadFile('fs.cjs', "require('node:fs')")
    expect(() => page(file).runPreload()).toThrow(/module not found: node:fs/)
    expect(() => page(file, { sandbox: false }).runPreload()).not.toThrow()
  })

  it('has no contextBridge without context isolation', async () => {
    const file = await preloadFile('bridge.cjs', "require('electron').contextBridge.exposeInMainWorld('api', {})")
    expect(() => page(file, { contextIsolation: false }).runPreload()).toThrow(/contextIsolation is enabled/)
  })
})

describe('the stand-in’s copies between worlds and processes', () => {
  it('drops prototypes and symbols, keeps only an error’s message, proxies functions and promises', async () => {
    class Card {
      constructor(readonly title: string) {}
      shout() {
        return this.title.toUpperCase()
      }
    }
    const error = Object.assign(new Error('boom'), { secret: 'x' })
    const copy = bridgeCopy({ card: new Card('Send deck'), tag: Symbol('t'), error, call: (x: { n: number }) => x.n + 1, later: Promise.resolve(new Card('later')) }) as Record<string, unknown>
    expect(Object.getPrototypeOf(copy.card)).toBe(Object.prototype)
    expect(copy.card).toEqual({ title: 'Send deck' })
    expect('tag' in copy).toBe(false)
    expect(copy.error).toEqual(new Error('boom'))
    expect((copy.error as { secret?: string }).secret).toBeUndefined()
    expect((copy.call as (x: { n: number }) => number)({ n: 1 })).toBe(2)
    expect(Object.getPrototypeOf(await (copy.later as Promise<unknown>))).toBe(Object.prototype)
  })

  it('refuses IPC payloads that cannot be structured-cloned', () => {
    expect(() => cloneForIpc({ onDone: () => {} })).toThrow(/could not be cloned/)
    expect(cloneForIpc({ at: new Date(0) })).toEqual({ at: new Date(0) })
  })
})

describe('the stand-in’s main-process rules', () => {
  it('refuses a second ipcMain.handle for a channel, windows before ready, and invalid accelerators', async () => {
    process.env.STAND_IN_USER_DATA = join(dir, 'user-data')
    const electron = await import('../../support/electron/electron')
    electron.ipcMain.handle('follow-through:getBoard', () => null)
    expect(() => electron.ipcMain.handle('follow-through:getBoard', () => null)).toThrow(/second handler/)
    expect(() => new electron.BrowserWindow({})).toThrow(/before the app is ready/)
    expect(() => electron.session.defaultSession).toThrow(/before the app is ready/)
    expect(electron.isValidAccelerator('CommandOrControl+,')).toBe(true)
    expect(electron.isValidAccelerator('CommandOrControl+Shift+Space')).toBe(true)
    expect(electron.isValidAccelerator('Ctrl+Nonsense')).toBe(false)
    expect(electron.nativeImage.createFromPath('resources/icon.png').isEmpty()).toBe(true)
  })

  it('refuses the code cache for a scheme that is not standard, as Electron does', async () => {
    process.env.STAND_IN_USER_DATA = join(dir, 'user-data')
    const electron = await import('../../support/electron/electron')
    expect(() => electron.protocol.registerSchemesAsPrivileged([{ scheme: 'loose', privileges: { codeCache: true } }])).toThrow(/standard/)
  })
})
