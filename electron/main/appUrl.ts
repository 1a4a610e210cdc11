import { isAbsolute, join, normalize, relative } from 'node:path'

/**
 * The board is served from app://follow-through/ rather than file://, so that its
 * Content-Security-Policy arrives as a response header and 'self' means the app's
 * own files alone (under file:// it would mean every local file).
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'follow-through'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

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
