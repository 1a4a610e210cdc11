import { extname } from 'node:path'
import { pathToFileURL } from 'node:url'
import { net, protocol } from 'electron'
import { APP_SCHEME, fileForRequest } from './appUrl'
import { CONTENT_SECURITY_POLICY } from './security'

/**
 * Must run before the app is ready: a standard, secure scheme gets origins, fetch and the CSP
 * like https; and V8's code cache, which Chromium keeps only for http(s) unless a scheme asks,
 * so from the second start the board's bundle is not compiled again before its first paint.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }])
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
