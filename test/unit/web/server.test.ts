import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { get, type IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ViewMessage, ViewRanges } from '../../../electron/contract/view'
import { DomainError } from '../../../electron/core/errors'
import { emptyData } from '../../../electron/core/schema'
import { FollowThroughService } from '../../../electron/service/service'
import { MAX_BUFFERED_BYTES } from '../../../electron/web/eventStream'
import { startWebServer, type WebServer } from '../../../electron/web/server'
import { aFollowUp } from '../../fixtures/followUps'
import { MemoryStore } from '../service/memoryStore'

const TOKEN = 'test-token-0123456789'
const RANGES: ViewRanges = { promised: { start: 0, end: 20 }, due: { start: 0, end: 20 }, overdue: { start: 0, end: 20 }, done: { start: 0, end: 20 } }

let staticDir: string
let store: MemoryStore
let service: FollowThroughService
let server: WebServer
let origin: string

beforeEach(async () => {
  staticDir = await mkdtemp(join(tmpdir(), 'ft-web-'))
  const html = '<!doctype html><title>Follow Through</title>'.padEnd(4000, ' ')
  await writeFile(join(staticDir, 'index.html'), html)
  await writeFile(join(staticDir, 'index.html.gz'), gzipSync(html))
  await mkdir(join(staticDir, 'assets'))
  await writeFile(join(staticDir, 'assets/index-abc123.js'), 'console.log("board")')
  store = new MemoryStore({ ...emptyData(), followUps: [aFollowUp({ id: 'f1' })] })
  service = new FollowThroughService({ store, now: () => new Date('2026-11-23T10:00:00+01:00') })
  server = await startWebServer({ service, staticDir, port: 0, token: TOKEN })
  origin = new URL(server.url).origin
})
afterEach(async () => {
  await server.close()
  await rm(staticDir, { recursive: true, force: true })
})

const post = (method: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, ...headers }, body })

const viewPath = (viewId: string) => `/api/view?${new URLSearchParams({ viewId, query: '{}', ranges: JSON.stringify(RANGES), token: TOKEN })}`

/** Reads Server-Sent Events from a response as they come. */
function eventsOf(res: IncomingMessage) {
  const events: ViewMessage[] = []
  let text = ''
  const waiters: (() => void)[] = []
  res.setEncoding('utf8')
  res.on('data', (chunk: string) => {
    text += chunk
    let end: number
    while ((end = text.indexOf('\n\n')) >= 0) {
      const data = text.slice(0, end).split('\n').find((line) => line.startsWith('data: '))
      text = text.slice(end + 2)
      if (data) events.push(JSON.parse(data.slice(6)) as ViewMessage)
    }
    for (const wake of waiters.splice(0)) wake()
  })
  const until = async (predicate: () => boolean) => {
    while (!predicate()) await new Promise<void>((resolve) => waiters.push(resolve))
  }
  return { events, until }
}

const openStream = (path: string) =>
  new Promise<IncomingMessage>((resolve, reject) => get(`${origin}${path}`, resolve).on('error', reject))

describe('HTTP status codes', () => {
  it('answers refusals with their status and the same JSON body', async () => {
    const invalid = await post('create', JSON.stringify({ title: '' }))
    expect(invalid.status).toBe(400)
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } })

    const missing = await post('complete', JSON.stringify({ id: 'nope' }))
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'not_found' } })

    const unreadable = await post('complete', '{not json')
    expect(unreadable.status).toBe(400)

    const anonymous = await post('getSettings', '{}', { Authorization: '' })
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toMatchObject({ ok: false })

    const wrongToken = await fetch(`${origin}/api/getSettings?token=not-the-token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
    expect(wrongToken.status).toBe(403)
    expect(await wrongToken.json()).toMatchObject({ ok: false, error: { message: 'Wrong access token.' } })

    const ok = await post('getSettings', '{}')
    expect(ok.status).toBe(200)
  })

  it('answers an oversize body with 413', async () => {
    const response = await post('importData', JSON.stringify({ json: 'x'.repeat(13_000_000), mode: 'merge' }))
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ ok: false, error: { message: 'The request is too large.' } })
  })

  it('answers a command on read-only data with 403', async () => {
    store.readOnly = true
    store.assertWritable = () => {
      throw new DomainError('read_only', 'Read-only.')
    }
    const response = await post('complete', JSON.stringify({ id: 'f1' }))
    expect(response.status).toBe(403)
  })
})

describe('static files', () => {
  it('serves the page precompressed to a browser that accepts gzip', async () => {
    const response = await fetch(`${origin}/`, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBe('gzip')
  })

  it('lets the browser keep the hashed bundle, but asks it to check the page each time', async () => {
    expect((await fetch(`${origin}/`)).headers.get('cache-control')).toBe('no-cache')
    expect((await fetch(`${origin}/assets/index-abc123.js`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })
})

describe('views over Server-Sent Events', () => {
  it('sends the snapshot, then one delta per change', async () => {
    const res = await openStream(viewPath('sse-view-1'))
    expect(res.headers['content-type']).toBe('text/event-stream')
    const { events, until } = eventsOf(res)
    await until(() => events.length >= 1)
    expect(events[0]).toMatchObject({ type: 'snapshot', snapshot: { viewId: 'sse-view-1', version: 1, counts: { promised: 1 } } })
    expect((await post('update', JSON.stringify({ id: 'f1', patch: { notes: 'new notes' } }))).status).toBe(200)
    await until(() => events.length >= 2)
    expect(events[1]).toEqual({ type: 'delta', delta: { viewId: 'sse-view-1', version: 2, cards: [expect.objectContaining({ id: 'f1', notes: 'new notes' })] } })
    res.destroy()
  })

  it('refuses a malformed view with 400 before any stream starts', async () => {
    const res = await openStream(`/api/view?viewId=x&token=${TOKEN}`)
    expect(res.statusCode).toBe(400)
    res.resume()
  })

  it('keeps a frozen reader’s buffer bounded while saves go on, then resyncs it', async () => {
    const res = await openStream(viewPath('frozen-view'))
    // The tab froze: nothing more is read from the stream.
    res.pause()
    const notes = 'n'.repeat(4_900)
    let peak = 0
    for (let i = 0; i < 1_500; i++) {
      const result = await service.handlers.update({ id: 'f1', patch: { notes: `${i} ${notes}` } })
      expect(result.notes.startsWith(`${i} `)).toBe(true)
      peak = Math.max(peak, ...server.bufferedBytes())
    }
    // Every change was saved...
    expect(store.changes.length).toBeGreaterThanOrEqual(1_500)
    // ... while the server held at most its bound (plus the one message that crossed it) for the frozen reader.
    expect(peak).toBeGreaterThan(MAX_BUFFERED_BYTES / 2)
    expect(peak).toBeLessThanOrEqual(MAX_BUFFERED_BYTES + 16_384)
    // The tab wakes: it reads the backlog, then gets one fresh snapshot with the latest notes.
    const { events, until } = eventsOf(res)
    res.resume()
    await until(() => events.some((event) => event.type === 'snapshot' && event.snapshot.cards[0]?.notes.startsWith('1499 ')))
    res.destroy()
  })
})

describe('a view stream that reconnects', () => {
  it('replaces the old stream of the same view, and the old one closing later leaves the new one open', async () => {
    const first = await openStream(viewPath('reconnecting'))
    const second = await openStream(viewPath('reconnecting'))
    const { events, until } = eventsOf(second)
    await until(() => events.length >= 1)
    first.destroy()
    await new Promise((resolve) => first.once('close', resolve))
    await post('update', JSON.stringify({ id: 'f1', patch: { notes: 'after the reconnect' } }))
    await until(() => events.some((event) => event.type === 'delta'))
    expect(service.views.size).toBe(1)
    second.destroy()
  })
})
