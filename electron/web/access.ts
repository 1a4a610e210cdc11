import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const newAccessToken = () => randomBytes(24).toString('base64url')

export const tokenCookieName = (port: number) => `follow_through_token_${port}`

function sameSecret(given: string | undefined, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}

export type AccessVerdict = { allowed: true; viaUrl: boolean } | { allowed: false; status: number; reason: string }

/**
 * Browser mode listens on loopback, but any web page the person visits can still
 * reach loopback. So every request must name this server as its Host (defeats DNS
 * rebinding), come from no origin or this one (defeats cross-site requests), and
 * carry the per-run token in the URL, a cookie set from it, or a bearer header.
 */
export function checkAccess(req: IncomingMessage, url: URL, port: number, token: string): AccessVerdict {
  const ownHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  if (!ownHosts.includes(req.headers.host ?? '')) return { allowed: false, status: 421, reason: 'Unknown host.' }
  const origin = req.headers.origin
  if (origin !== undefined && !ownHosts.some((host) => origin === `http://${host}`)) {
    return { allowed: false, status: 403, reason: 'Cross-origin requests are refused.' }
  }
  const fromUrl = url.searchParams.get('token') ?? undefined
  if (fromUrl !== undefined) {
    return sameSecret(fromUrl, token) ? { allowed: true, viaUrl: true } : { allowed: false, status: 403, reason: 'Wrong access token.' }
  }
  const bearer = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1]
  if (sameSecret(cookie(req, tokenCookieName(port)), token) || sameSecret(bearer, token)) return { allowed: true, viaUrl: false }
  return { allowed: false, status: 401, reason: 'Open Follow Through with the link it printed at start; it carries the access token.' }
}
