import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  hardenSession,
  hardenWebContents,
  isAllowedNavigation,
  openExternalSafely,
  safeExternalUrl,
} from '../../../electron/main/security'
import { FakeEvent, FakeWebContents, makeSession, resetFakeElectron, shell } from './support/fakeElectron'

vi.mock('electron', () => import('./support/fakeElectron'))

beforeEach(() => resetFakeElectron())

describe('safeExternalUrl', () => {
  it.each([
    'https://example.com/deal?id=1',
    'mailto:jenny@example.com?subject=Proposal',
    'tel:+49301234567',
    'HTTPS://EXAMPLE.COM',
  ])('allows %s', (url) => {
    expect(safeExternalUrl(url)).not.toBeNull()
  })

  it.each([
    'http://example.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'vbscript:msgbox(1)',
    'https:',
    'not a url',
    '',
    'chrome://settings',
    'https\u0000://example.com',
  ])('refuses %j', (url) => {
    expect(safeExternalUrl(url)).toBeNull()
  })

  it('does not fall for a prefix: only the parsed protocol counts', () => {
    expect(safeExternalUrl('file:///https://example.com')).toBeNull()
    expect(safeExternalUrl('javascript://https://example.com/%0Aalert(1)')).toBeNull()
  })
})

describe('openExternalSafely', () => {
  it('hands allowed links to the system, normalised', () => {
    expect(openExternalSafely('HTTPS://Example.com/a b')).toBe(true)
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/a%20b')
  })

  it('never hands anything else to the system', () => {
    for (const url of ['file:///C:/Windows/System32/calc.exe', 'http://example.com', 'javascript:alert(1)']) {
      expect(openExternalSafely(url)).toBe(false)
    }
    expect(shell.openExternal).not.toHaveBeenCalled()
  })
})

describe('isAllowedNavigation', () => {
  it('allows nothing in production', () => {
    expect(isAllowedNavigation('file:///app/out/renderer/index.html')).toBe(false)
    expect(isAllowedNavigation('https://example.com')).toBe(false)
  })

  it('allows only the dev server origin in development', () => {
    const dev = 'http://localhost:5173/'
    expect(isAllowedNavigation('http://localhost:5173/index.html?x=1', dev)).toBe(true)
    expect(isAllowedNavigation('http://localhost:5174/', dev)).toBe(false)
    expect(isAllowedNavigation('http://localhost:5173.evil.com/', dev)).toBe(false)
    expect(isAllowedNavigation('garbage', dev)).toBe(false)
  })
})

describe('hardenWebContents', () => {
  const setup = (devServerUrl?: string) => {
    const contents = new FakeWebContents()
    hardenWebContents(contents as never, devServerUrl)
    return contents
  }

  it('denies every new window, opening safe links in the system browser instead', () => {
    const contents = setup()
    const handler = contents.setWindowOpenHandler.mock.calls[0][0] as (details: { url: string }) => { action: string }
    expect(handler({ url: 'https://example.com' })).toEqual({ action: 'deny' })
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(shell.openExternal).toHaveBeenCalledTimes(1)
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/')
  })

  it.each(['will-navigate', 'will-redirect'])('prevents %s away from the app', (eventName) => {
    const contents = setup()
    const event = new FakeEvent()
    contents.emit(eventName, event, 'https://evil.example/')
    expect(event.defaultPrevented).toBe(true)
    const local = new FakeEvent()
    contents.emit(eventName, local, 'file:///etc/passwd')
    expect(local.defaultPrevented).toBe(true)
  })

  it('lets the dev server reload the page in development', () => {
    const contents = setup('http://localhost:5173/')
    const event = new FakeEvent()
    contents.emit('will-navigate', event, 'http://localhost:5173/')
    expect(event.defaultPrevented).toBe(false)
  })

  it('refuses to attach a <webview>', () => {
    const contents = setup()
    const event = new FakeEvent()
    contents.emit('will-attach-webview', event, {}, {})
    expect(event.defaultPrevented).toBe(true)
  })
})

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const session = makeSession()
    hardenSession(session as never, { production: true })
    const request = session.setPermissionRequestHandler.mock.calls[0][0] as (w: unknown, p: string, cb: (ok: boolean) => void) => void
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      request({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
    }
    const check = session.setPermissionCheckHandler.mock.calls[0][0] as () => boolean
    expect(check()).toBe(false)
  })

  it('adds the CSP header in production: scripts from the app only, never eval', () => {
    const session = makeSession()
    hardenSession(session as never, { production: true })
    const callback = vi.fn()
    session.headersListener?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback)
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
  })

  it('leaves headers alone in development, where the dev server needs its own scripts', () => {
    const session = makeSession()
    hardenSession(session as never, { production: false })
    expect(session.webRequest.onHeadersReceived).not.toHaveBeenCalled()
  })
})
