import { shell, type Session, type WebContents } from 'electron'

/**
 * The production Content-Security-Policy, also sent as a header. It matches the
 * meta tag in renderer/index.html and adds what only a header or a stricter policy
 * can say. No 'unsafe-eval' and no inline scripts; inline styles are React's.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

const EXTERNAL_PROTOCOLS = new Set(['https:', 'mailto:', 'tel:'])

/** The link as a URL if it may leave the app (web, mail, phone), else null. Parsed, never prefix-matched. */
export function safeExternalUrl(target: string): URL | null {
  let url: URL
  try {
    url = new URL(target)
  } catch {
    return null
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return null
  // A web link needs a host; "https:foo" parses but goes nowhere sensible.
  if (url.protocol === 'https:' && url.hostname === '') return null
  return url
}

/** Opens only web, mail and phone links, and only in the system's own apps. Returns whether it did. */
export function openExternalSafely(target: string): boolean {
  const url = safeExternalUrl(target)
  if (!url) return false
  shell.openExternal(url.href).catch((error: Error) => console.error('Follow Through: could not open link', error.message))
  return true
}

/** In development the page comes from the dev server and may reload itself; nothing else is a navigation target. */
export function isAllowedNavigation(target: string, devServerUrl?: string): boolean {
  if (!devServerUrl) return false
  try {
    return new URL(target).origin === new URL(devServerUrl).origin
  } catch {
    return false
  }
}

/**
 * Locks down any web contents: no pop-up windows (links open in the system
 * browser when safe), no navigation away from the app, no <webview>.
 */
export function hardenWebContents(contents: WebContents, devServerUrl?: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url)
    return { action: 'deny' }
  })
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (isAllowedNavigation(url, devServerUrl)) return
    event.preventDefault()
    openExternalSafely(url)
  }
  contents.on('will-navigate', guard)
  contents.on('will-redirect', guard)
  // A frame inside the page (none is expected) may not navigate anywhere.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return
    event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/**
 * Denies every permission (camera, notifications from the page, geolocation, …):
 * the board needs none. In production also sends the CSP as a response header,
 * for any response that passes through the network stack (http, dev tools, …).
 */
export function hardenSession(session: Session, options: { production: boolean }): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  if (options.production) {
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      })
    })
  }
}
