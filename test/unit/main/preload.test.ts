import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { ipcChannel, METHOD_NAMES, OPEN_VIEW_CHANNEL, SHELL_COMMAND_CHANNEL, VIEW_CHANNEL } from '../../../electron/contract'
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

  it('exposes exactly the contract’s methods, views and the shell’s requests: no generic invoke or send', () => {
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'openView', 'onShellCommand', 'systemLocale'].sort())
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
  })

  it('sends each method on its own channel with the input as given', async () => {
    for (const method of METHOD_NAMES) {
      ipcRenderer.invoke.mockClear()
      await api[method]({ probe: method })
      expect(ipcRenderer.invoke).toHaveBeenCalledWith(ipcChannel(method), { probe: method })
    }
  })

  it('opens a view over IPC and passes on only its own messages, in order', () => {
    ipcRenderer.invoke.mockClear()
    const listener = vi.fn()
    const view = api.openView({}, {}, listener) as { close(): void }
    const [channel, input] = ipcRenderer.invoke.mock.calls[0] as [string, { viewId: string }]
    expect(channel).toBe(OPEN_VIEW_CHANNEL)
    const snapshot = { type: 'snapshot', snapshot: { viewId: input.viewId, version: 1 } }
    ipcRenderer.emit(VIEW_CHANNEL, {}, JSON.stringify(snapshot))
    ipcRenderer.emit(VIEW_CHANNEL, {}, JSON.stringify({ type: 'snapshot', snapshot: { viewId: 'someone-else', version: 1 } }))
    ipcRenderer.emit(VIEW_CHANNEL, {}, JSON.stringify({ type: 'delta', delta: { viewId: input.viewId, version: 2 } }))
    expect(listener.mock.calls.map(([message]) => message.type)).toEqual(['snapshot', 'delta'])
    view.close()
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcChannel('closeView'), { viewId: input.viewId })
    ipcRenderer.emit(VIEW_CHANNEL, {}, JSON.stringify({ type: 'delta', delta: { viewId: input.viewId, version: 3 } }))
    expect(listener).toHaveBeenCalledTimes(2)
  })

  it('tells the page when its view is refused, instead of leaving it waiting for a snapshot', async () => {
    const error = { code: 'invalid_input', message: 'ranges.promised: A window is at most 200 cards.' }
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error })
    const listener = vi.fn()
    api.openView({}, {}, listener)
    await vi.waitFor(() => expect(listener).toHaveBeenCalledWith({ type: 'refused', error }))
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
