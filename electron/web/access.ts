import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const newAccessToken = () => randomBytes(24).toString('base64url')

function sameSecret(given: string | undefined, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

export type AccessVerdict = { allowed: true } | { allowed: false; status: number; reason: string }

/**
 * Browser mode listens on loopback, but any web page the person visits can still
 * reach loopback. So every request must name this server as its Host (defeats DNS
 * rebinding) and come from no origin or this one (defeats cross-site requests).
 *
 * The API also needs the per-run token, as a bearer header (the page keeps it in
 * session storage, which is per origin, so per port) or in the URL (the printed
 * link, and event streams, which cannot send headers). It is never a cookie:
 * cookies are shared by every port of 127.0.0.1, so another local server the
 * person's browser visits would receive it. The page's own files hold no data
 * and are served to any local request.
 */
export function checkAccess(req: IncomingMessage, url: URL, port: number, token: string): AccessVerdict {
  const ownHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  if (!ownHosts.includes(req.headers.host ?? '')) return { allowed: false, status: 421, reason: 'Unknown host.' }
  const origin = req.headers.origin
  if (origin !== undefined && !ownHosts.some((host) => origin === `http://${host}`)) {
    return { allowed: false, status: 403, reason: 'Cross-origin requests are refused.' }
  }
  const fromUrl = url.searchParams.get('token') ?? undefined
  if (fromUrl !== undefined && !sameSecret(fromUrl, token)) return { allowed: false, status: 403, reason: 'Wrong access token.' }
  if (!url.pathname.startsWith('/api/')) return { allowed: true }
  const bearer = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1]
  if (fromUrl !== undefined || sameSecret(bearer, token)) return { allowed: true }
  return { allowed: false, status: 401, reason: 'Open Follow Through with the link it printed at start; it carries the access token.' }
}
