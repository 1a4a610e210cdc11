import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import sirv from 'sirv'
import type { Result } from '../contract'
import type { ErrorCode } from '../core/errors'
import { dispatchByName } from '../service/dispatch'
import type { FollowThroughService } from '../service/service'
import { checkAccess, newAccessToken } from './access'
import { EventStream } from './eventStream'

/** Room for an import (at most 5 MB of file text, which escaping as JSON can make up to twice as long). */
const MAX_BODY_BYTES = 12_000_000

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

export interface WebServer {
  url: string
  /** Bytes waiting in the server for each open event stream (for tests of a frozen reader). */
  bufferedBytes(): number[]
  close(): Promise<void>
}

/** The HTTP status for a refusal; the JSON body says the same in words. */
const STATUS_OF: Record<ErrorCode, number> = { invalid_input: 400, not_found: 404, read_only: 403, storage: 500, internal: 500 }

const statusOf = (result: Result<unknown>) => (result.ok ? 200 : STATUS_OF[result.error.code] ?? 500)

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(body))
}

class TooLarge extends Error {}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new TooLarge('The request is too large.')
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  return text === '' ? {} : JSON.parse(text)
}

async function handleCall(req: IncomingMessage, res: ServerResponse, service: FollowThroughService, method: string) {
  if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'invalid_input', message: 'Use POST.' } })
  if (!req.headers['content-type']?.startsWith('application/json')) {
    return send(res, 415, { ok: false, error: { code: 'invalid_input', message: 'Send JSON.' } })
  }
  let input: unknown
  try {
    input = await readJsonBody(req)
  } catch (error) {
    if (error instanceof TooLarge) {
      // The rest of the body is not read: close the connection after the answer.
      res.setHeader('Connection', 'close')
      return send(res, 413, { ok: false, error: { code: 'invalid_input', message: 'The request is too large.' } })
    }
    return send(res, 400, { ok: false, error: { code: 'invalid_input', message: `Unreadable request: ${(error as Error).message}` } })
  }
  const result = await dispatchByName(service.handlers, method, input)
  send(res, statusOf(result), result)
}

function parseJsonParam(url: URL, name: string): unknown {
  try {
    return JSON.parse(url.searchParams.get(name) ?? 'null')
  } catch {
    return null
  }
}

/** One view's event stream: its snapshot, then its deltas ("view" events), until the page closes it. */
function streamView(req: IncomingMessage, res: ServerResponse, url: URL, service: FollowThroughService, streams: Set<EventStream>): void {
  const input = { viewId: url.searchParams.get('viewId'), query: parseJsonParam(url, 'query'), ranges: parseJsonParam(url, 'ranges') }
  // Opened before the stream starts, so a refusal is a plain JSON error with its status;
  // the snapshot waits until the stream exists.
  let stream: EventStream | null = null
  const pending: string[] = []
  const sink = { send: (text: string) => (stream ? stream.send('view', text) : pending.push(text)) }
  const result = service.openView(input, sink)
  if (!result.ok) return send(res, statusOf(result), result)
  const opened = new EventStream(res, () => {
    // Caught up after falling behind: one fresh snapshot, unless the view closed meanwhile.
    if (service.views.isOpen(result.value.viewId, sink)) service.views.resync(result.value.viewId)
  })
  stream = opened
  for (const text of pending) opened.send('view', text)
  streams.add(opened)
  req.on('close', () => {
    streams.delete(opened)
    service.views.close(result.value.viewId, sink)
  })
}

/** The browser-mode transport: the contract over loopback HTTP, views over Server-Sent Events. */
export async function startWebServer(options: {
  service: FollowThroughService
  staticDir: string
  port: number
  token?: string
}): Promise<WebServer> {
  const { service } = options
  const token = options.token ?? newAccessToken()
  // Assets are served precompressed (the build writes .br and .gz beside each).
  const serveStatic = sirv(options.staticDir, {
    single: true,
    etag: true,
    brotli: true,
    gzip: true,
    // The page is asked for afresh each time (it names the current bundle); the bundle's files
    // carry a content hash in their names, so a reload takes them (and their compiled code) from the cache.
    setHeaders: (res, pathname) => res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  })
  const sockets = new Set<import('node:net').Socket>()
  const streams = new Set<EventStream>()
  let port = options.port

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    const url = new URL(req.url ?? '/', 'http://localhost')
    const verdict = checkAccess(req, url, port, token)
    if (!verdict.allowed) return send(res, verdict.status, { ok: false, error: { code: 'invalid_input', message: verdict.reason } })
    if (url.pathname === '/api/view') return streamView(req, res, url, service, streams)
    const call = url.pathname.match(/^\/api\/([A-Za-z]+)$/)
    if (call) {
      handleCall(req, res, service, call[1]).catch((error) => {
        console.error('Follow Through web: request failed', error)
        if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: 'Request failed.' } })
      })
      return
    }
    serveStatic(req, res)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', resolve)
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    bufferedBytes: () => [...streams].map((stream) => stream.buffered),
    close: () =>
      new Promise<void>((resolve) => {
        // Event streams never end by themselves; cut them so close() returns.
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
