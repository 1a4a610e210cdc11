import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { BOARD_CHANGED_CHANNEL, ipcChannel, METHOD_NAMES, SHELL_COMMAND_CHANNEL } from '../../../electron/contract'
import { PRELOAD_ENTRY, PRELOAD_FILE } from '../../../electron/main/bundle'
import { contextBridge, ipcRenderer } from './support/fakeElectron'

vi.mock('electron', () => import('./support/fakeElectron'))

type Bridge = Record<string, (...args: unknown[]) => unknown>

let api: Bridge

beforeAll(async () => {
  await import('../../../electron/preload/index')
  api = contextBridge.exposed.get('api') as Bridge
})

describe('preload', () => {
  it('exposes one object, window.api, and nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['api'])
  })

  it('exposes exactly the contract’s methods and its two pushes: no generic invoke or send', () => {
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'onBoardChanged', 'onShellCommand'].sort())
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
  })

  it('sends each method on its own channel with the input as given', async () => {
    for (const method of METHOD_NAMES) {
      ipcRenderer.invoke.mockClear()
      await api[method]({ probe: method })
      expect(ipcRenderer.invoke).toHaveBeenCalledWith(ipcChannel(method), { probe: method })
    }
  })

  it('forwards pushed boards without the IPC event, and stops when unsubscribed', () => {
    const listener = vi.fn()
    const unsubscribe = api.onBoardChanged(listener) as () => void
    const board = { generatedAt: 'now' }
    ipcRenderer.emit(BOARD_CHANGED_CHANNEL, { sender: 'secret' }, board)
    expect(listener).toHaveBeenCalledWith(board)
    expect(listener.mock.calls[0]).toHaveLength(1)
    unsubscribe()
    ipcRenderer.emit(BOARD_CHANGED_CHANNEL, {}, board)
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('delivers the current board to a new subscriber before any push', async () => {
    const current = { generatedAt: 'current' }
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: current })
    const listener = vi.fn()
    const unsubscribe = api.onBoardChanged(listener) as () => void
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcChannel('getBoard'), {})
    await vi.waitFor(() => expect(listener).toHaveBeenCalledWith(current))
    unsubscribe()
  })

  it('forwards the shell’s requests to the page', () => {
    const listener = vi.fn()
    const unsubscribe = api.onShellCommand(listener) as () => void
    ipcRenderer.emit(SHELL_COMMAND_CHANNEL, {}, { type: 'focusCard', id: 'f1' })
    expect(listener).toHaveBeenCalledWith({ type: 'focusCard', id: 'f1' })
    unsubscribe()
  })

  it('is built as CommonJS, as a sandboxed preload must be', () => {
    const config = readFileSync(join(import.meta.dirname, '../../../electron.vite.config.ts'), 'utf8')
    expect(config).toMatch(/input: \{ \[PRELOAD_ENTRY\]: .*\},\s*output: \{ format: 'cjs', entryFileNames: '\[name\]\.cjs' \}/s)
    expect(PRELOAD_FILE).toBe(`${PRELOAD_ENTRY}.cjs`)
  })
})
