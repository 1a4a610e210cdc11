import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { ipcChannel, METHOD_NAMES, type Handlers } from '../../../electron/contract'
import { isTrustedSender, registerIpc, type TrustedPage } from '../../../electron/main/ipc'

const RENDERER = join('/opt/Follow Through/resources/app.asar/out/renderer/index.html')
const PAGE: TrustedPage = {}
const RENDERER_URL = 'app://follow-through/index.html'

const event = (url: string | undefined, parent: unknown = null) =>
  ({ senderFrame: url === undefined ? null : { url, parent } }) as never

describe('isTrustedSender', () => {
  it('trusts the bundled page on app://follow-through, with or without a hash or query', () => {
    expect(isTrustedSender(event(RENDERER_URL), PAGE)).toBe(true)
    expect(isTrustedSender(event(`${RENDERER_URL}#/card/1`), PAGE)).toBe(true)
    expect(isTrustedSender(event(`${RENDERER_URL}?x=1`), PAGE)).toBe(true)
  })

  it('refuses every local file, the bundled one included, and other app:// hosts', () => {
    expect(isTrustedSender(event('file:///tmp/evil.html'), PAGE)).toBe(false)
    expect(isTrustedSender(event(pathToFileURL(RENDERER).href), PAGE)).toBe(false)
    expect(isTrustedSender(event('app://evil/index.html'), PAGE)).toBe(false)
    expect(isTrustedSender(event('app://follow-through.evil/index.html'), PAGE)).toBe(false)
  })

  it('refuses iframes, even of the bundled page', () => {
    expect(isTrustedSender(event(RENDERER_URL, { url: RENDERER_URL }), PAGE)).toBe(false)
  })

  it('refuses a sender without a frame (it navigated away or was destroyed)', () => {
    expect(isTrustedSender(event(undefined), PAGE)).toBe(false)
  })

  it('refuses web pages in production', () => {
    expect(isTrustedSender(event('https://example.com/'), PAGE)).toBe(false)
    expect(isTrustedSender(event('http://localhost:5173/'), PAGE)).toBe(false)
  })

  it('trusts exactly the dev server origin in development, and not the bundle then', () => {
    const dev = { ...PAGE, devServerUrl: 'http://localhost:5173/' }
    expect(isTrustedSender(event(RENDERER_URL), dev)).toBe(false)
    expect(isTrustedSender(event('http://localhost:5173/'), dev)).toBe(true)
    expect(isTrustedSender(event('http://localhost:5173/index.html#x'), dev)).toBe(true)
    expect(isTrustedSender(event('http://localhost:5174/'), dev)).toBe(false)
    expect(isTrustedSender(event('http://127.0.0.1:5173/'), dev)).toBe(false)
  })

  it('refuses unparseable URLs', () => {
    expect(isTrustedSender(event('::::'), PAGE)).toBe(false)
    expect(isTrustedSender(event('about:blank'), PAGE)).toBe(false)
  })

})

function register(handlers: Partial<Handlers> = {}) {
  const registered = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>()
  const ipcMain = { handle: vi.fn((channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => registered.set(channel, handler)) }
  registerIpc(ipcMain as never, handlers as Handlers, PAGE)
  return { registered, ipcMain }
}

describe('registerIpc', () => {
  it('registers one channel per contract method and nothing else', () => {
    const { registered } = register()
    expect([...registered.keys()].sort()).toEqual(METHOD_NAMES.map(ipcChannel).sort())
  })

  it('refuses calls from an untrusted sender without running the handler', async () => {
    const complete = vi.fn()
    const { registered } = register({ complete })
    const result = await registered.get(ipcChannel('complete'))!(event('https://evil.example/'), { id: 'a' })
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Refused') } })
    expect(complete).not.toHaveBeenCalled()
  })

  it('validates the payload before the handler sees it', async () => {
    const complete = vi.fn()
    const { registered } = register({ complete })
    const result = await registered.get(ipcChannel('complete'))!(event(RENDERER_URL), { id: 42 })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(complete).not.toHaveBeenCalled()
  })

  it('passes a valid payload to the handler and returns its value', async () => {
    const complete = vi.fn(() => ({ id: 'a' }))
    const { registered } = register({ complete } as never)
    expect(await registered.get(ipcChannel('complete'))!(event(RENDERER_URL), { id: 'a' })).toEqual({ ok: true, value: { id: 'a' } })
    expect(complete).toHaveBeenCalledWith({ id: 'a' })
  })

  it('turns an unexpected exception into an internal error value', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { registered } = register({
      complete: () => {
        throw new TypeError('bug')
      },
    })
    expect(await registered.get(ipcChannel('complete'))!(event(RENDERER_URL), { id: 'a' })).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.any(String) },
    })
    error.mockRestore()
  })
})
