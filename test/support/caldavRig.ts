import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SyncStatus } from '../../electron/contract/sync'
import { readVtodo, type RemoteTodo } from '../../electron/core/caldav/vtodo'
import { DavClient } from '../../electron/service/sync/davClient'
import { MemoryPasswordStore } from '../../electron/service/sync/passwords'
import { FollowThroughService } from '../../electron/service/service'
import { Store } from '../../electron/store/store'
import type { CalDavServer } from './caldavServers'

/**
 * The app (store + service) linked to a fresh collection on a real server, with
 * every request it makes recorded, and a hook that can act before one (to play
 * the phone at the worst moment, or to kill the server mid-sync).
 */
export interface Rig {
  store: Store
  service: FollowThroughService
  collectionUrl: string
  requests: { method: string; url: string }[]
  beforeRequest: ((method: string, url: string) => Promise<void>) | null
  sync(): Promise<SyncStatus>
  /** Requests that change the server (PUT, DELETE, MKCALENDAR, PROPPATCH) since `from`. */
  writesSince(from: number): { method: string; url: string }[]
  close(): Promise<void>
}

let collections = 0
let ids = 0

/** What a server without RFC 6578 answers when asked for a collection's sync token. */
const noSyncToken = (url: string) =>
  new Response(
    `<?xml version="1.0" encoding="utf-8"?><d:multistatus xmlns:d="DAV:"><d:response><d:href>${new URL(url).pathname}</d:href>` +
      '<d:propstat><d:prop><d:sync-token/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat></d:response></d:multistatus>',
    { status: 207, headers: { 'content-type': 'application/xml; charset=utf-8' } },
  )

export async function openRig(server: CalDavServer, options: { dataDir?: string; collectionUrl?: string; withoutSyncCollection?: boolean } = {}): Promise<Rig> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'follow-through-sync-')))
  const store = await Store.open({ dataDir, app: 'sync test', writeDelayMs: 0 })
  const requests: { method: string; url: string }[] = []
  const rig = { beforeRequest: null } as Rig
  const countingFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const method = init?.method ?? 'GET'
    const url = String(input)
    if (rig.beforeRequest) await rig.beforeRequest(method, url)
    requests.push({ method, url })
    if (options.withoutSyncCollection && method === 'PROPFIND' && String(init?.body ?? '').includes('sync-token')) return noSyncToken(url)
    return fetch(input, init)
  }) as typeof fetch
  const service = new FollowThroughService({
    store,
    newId: () => `t${process.pid}-${++ids}`,
    sync: { passwords: new MemoryPasswordStore(), fetch: countingFetch, timeoutMs: 30_000, debounceMs: 3_600_000, intervalMs: 3_600_000 },
  })
  const account = { serverUrl: server.baseUrl, username: server.username, password: server.password }
  let collectionUrl = options.collectionUrl
  if (!collectionUrl) {
    const created = await service.handlers.createSyncCollection({ ...account, name: `Follow Through ${++collections}` })
    collectionUrl = created.url
  }
  await service.handlers.saveSyncSettings({ ...account, enabled: true, collectionUrl })
  Object.assign(rig, {
    store,
    service,
    collectionUrl,
    requests,
    sync: () => service.handlers.syncNow({}) as Promise<SyncStatus>,
    writesSince: (from: number) => requests.slice(from).filter((request) => ['PUT', 'DELETE', 'MKCALENDAR', 'PROPPATCH'].includes(request.method)),
    close: async () => {
      await service.stop()
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true })
    },
  })
  await rig.sync()
  return rig
}

/** The phone: raw HTTP against the same collection, the way other clients write. */
export function phoneOf(server: CalDavServer, collectionUrl: string) {
  const auth = `Basic ${Buffer.from(`${server.username}:${server.password}`).toString('base64')}`
  const client = new DavClient({ serverUrl: server.baseUrl, username: server.username, password: server.password })
  return {
    async put(name: string, ics: string, etag?: string): Promise<Response> {
      const headers: Record<string, string> = { authorization: auth, 'content-type': 'text/calendar; charset=utf-8' }
      if (etag) headers['if-match'] = etag
      return fetch(new URL(name, collectionUrl), { method: 'PUT', headers, body: ics })
    },
    async delete(href: string): Promise<Response> {
      return fetch(href, { method: 'DELETE', headers: { authorization: auth } })
    },
    /** The addresses of every task on the server (one request, bodies left out). */
    async hrefs(): Promise<string[]> {
      return (await client.listTasks(collectionUrl)).map((member) => member.href)
    },
    /** Every task on the server, read the way the app reads them. */
    async tasks(): Promise<(RemoteTodo & { href: string; etag?: string; ics: string })[]> {
      const members = await client.listTasks(collectionUrl)
      const fetched = await client.fetchMany(collectionUrl, members.map((member) => member.href))
      return fetched.map((resource) => ({ ...readVtodo(resource.ics), href: resource.href, etag: resource.etag, ics: resource.ics }))
    },
  }
}

const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')

const BERLIN = [
  'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin', 'X-LIC-LOCATION:Europe/Berlin',
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
  'END:VTIMEZONE',
]

/** A task the way Thunderbird writes it: TZID times with their VTIMEZONE, Mozilla's X- properties. */
export function thunderbirdTodo(fields: { uid: string; summary: string; due: string; modified: Date; completed?: Date; description?: string }): string {
  return [
    'BEGIN:VCALENDAR', 'PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN', 'VERSION:2.0', ...BERLIN,
    'BEGIN:VTODO', `CREATED:${stamp(fields.modified)}`, `LAST-MODIFIED:${stamp(fields.modified)}`, `DTSTAMP:${stamp(fields.modified)}`,
    `UID:${fields.uid}`, `SUMMARY:${fields.summary}`, 'PRIORITY:5',
    `DUE;TZID=Europe/Berlin:${fields.due}`,
    ...(fields.completed ? ['STATUS:COMPLETED', `COMPLETED:${stamp(fields.completed)}`, 'PERCENT-COMPLETE:100'] : ['STATUS:NEEDS-ACTION']),
    ...(fields.description ? [`DESCRIPTION:${fields.description.replace(/\n/g, '\\n')}`] : []),
    'X-MOZ-GENERATION:3', 'X-MOZ-LASTACK:20261123T080000Z',
    'END:VTODO', 'END:VCALENDAR', '',
  ].join('\r\n')
}

/** A task the way DAVx5 stores one from jtx Board: an all-day DUE, jtx's X- properties. */
export function jtxTodo(fields: { uid: string; summary: string; dueDate: string; modified: Date; sequence?: number; completed?: Date; description?: string; extra?: string[] }): string {
  return [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:+//IDN bitfire.at//ical4android (at.techbee.jtx)',
    'BEGIN:VTODO', `DTSTAMP:${stamp(fields.modified)}`, `UID:${fields.uid}`, `SEQUENCE:${fields.sequence ?? 1}`,
    `CREATED:${stamp(fields.modified)}`, `LAST-MODIFIED:${stamp(fields.modified)}`, `SUMMARY:${fields.summary}`,
    `DUE;VALUE=DATE:${fields.dueDate}`,
    ...(fields.completed ? ['STATUS:COMPLETED', `COMPLETED:${stamp(fields.completed)}`, 'PERCENT-COMPLETE:100'] : ['STATUS:NEEDS-ACTION', 'PERCENT-COMPLETE:0']),
    ...(fields.description ? [`DESCRIPTION:${fields.description.replace(/\n/g, '\\n')}`] : []),
    'X-JTX-COLOR:-16711936', 'X-JTX-SUBTASKS-SORTORDER:1',
    ...(fields.extra ?? []),
    'END:VTODO', 'END:VCALENDAR', '',
  ].join('\r\n')
}

/** An ICS from the server with our changes of some fields: the phone editing a task the app wrote. */
export function edited(ics: string, replace: Record<string, string>): string {
  let text = ics.replace(/\r?\n[ \t]/g, '')
  for (const [name, line] of Object.entries(replace)) {
    const pattern = new RegExp(`^${name}[;:].*\r?\n`, 'm')
    const replacement = line === '' ? '' : `${line}\r\n`
    text = pattern.test(text) ? text.replace(pattern, replacement) : text.replace(/^END:VTODO\r?$/m, `${replacement}END:VTODO`)
  }
  return text.endsWith('\n') ? text : `${text}\r\n`
}

export { stamp as icsStamp }
