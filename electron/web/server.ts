import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import sirv from 'sirv'
import type { BoardSnapshot } from '../core/board'
import { dispatchByName } from '../service/dispatch'
import type { FollowThroughService } from '../service/service'
import { checkAccess, newAccessToken, tokenCookieName } from './access'

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
  close(): Promise<void>
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(body))
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new RangeError('The request is too large.')
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
    return send(res, 400, { ok: false, error: { code: 'invalid_input', message: `Unreadable request: ${(error as Error).message}` } })
  }
  send(res, 200, await dispatchByName(service.handlers, method, input))
}

function streamBoard(req: IncomingMessage, res: ServerResponse, service: FollowThroughService): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
  const push = (board: BoardSnapshot) => res.write(`event: board\ndata: ${JSON.stringify(board)}\n\n`)
  push(service.board())
  const unsubscribe = service.subscribe(push)
  req.on('close', unsubscribe)
}

/** The browser-mode transport: the contract over loopback HTTP, board pushes over Server-Sent Events. */
export async function startWebServer(options: {
  service: FollowThroughService
  staticDir: string
  port: number
  token?: string
}): Promise<WebServer> {
  const { service } = options
  const token = options.token ?? newAccessToken()
  const serveStatic = sirv(options.staticDir, { single: true, etag: true, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') })
  const sockets = new Set<import('node:net').Socket>()
  let port = options.port

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    const url = new URL(req.url ?? '/', 'http://localhost')
    const verdict = checkAccess(req, url, port, token)
    if (!verdict.allowed) return send(res, verdict.status, { ok: false, error: { code: 'invalid_input', message: verdict.reason } })
    if (verdict.viaUrl) {
      res.setHeader('Set-Cookie', `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`)
    }
    if (url.pathname === '/api/events') return streamBoard(req, res, service)
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
    close: () =>
      new Promise<void>((resolve) => {
        // Event streams never end by themselves; cut them so close() returns.
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
