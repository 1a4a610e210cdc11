import { extname, isAbsolute, join, normalize, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { net, protocol } from 'electron'
import { CONTENT_SECURITY_POLICY } from './security'

/**
 * The board is served from app://follow-through/ rather than file://, so that its
 * Content-Security-Policy arrives as a response header and 'self' means the app's
 * own files alone (under file:// it would mean every local file).
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'follow-through'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/** Must run before the app is ready: a standard, secure scheme gets origins, fetch and the CSP like https. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/** Whether a URL is one of the app's own pages (compared by scheme and host, parsed, never by prefix). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST
  } catch {
    return false
  }
}

/** The file inside `rendererDir` an app:// request names, or null for another host or a path outside it. */
export function fileForRequest(url: string, rendererDir: string): string | null {
  if (!isAppUrl(url)) return null
  let path: string
  try {
    path = decodeURIComponent(new URL(url).pathname)
  } catch {
    return null
  }
  if (path.includes('\0')) return null
  const file = join(rendererDir, normalize(path === '/' ? '/index.html' : path))
  const inside = relative(rendererDir, file)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null
  return file
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

/** Serves the bundled renderer on app://follow-through/ with the CSP header. Call once the app is ready. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = fileForRequest(request.url, rendererDir)
    const found = file ? await net.fetch(pathToFileURL(file).href).catch(() => null) : null
    if (!file || !found?.ok) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } })
    return new Response(found.body, {
      status: 200,
      headers: {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    })
  })
}
