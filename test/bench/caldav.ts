import { execFileSync } from 'node:child_process'
import { emptyData, type FollowUp } from '../../electron/core/schema'
import { DavClient } from '../../electron/service/sync/davClient'
import { openRig } from '../support/caldavRig'
import { SERVER_KINDS, startCalDavServer, type ServerKind } from '../support/caldavServers'

/**
 * Calendar sync against each real server: the initial sync of 1,000 follow-ups
 * and a one-change sync, each next to the same server's raw PUT round trip
 * measured in the same run (1,000 raw PUTs into a second, fresh collection; one
 * raw conditional PUT), interleaved so both see the same machine load.
 */
const COUNT = Number(process.env.BENCH_CALDAV_COUNT ?? 1_000)
const ROUNDS = 11

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const ms = (value: number) => `${value.toFixed(1)} ms`

function followUps(count: number): FollowUp[] {
  const now = Date.now()
  const at = new Date(now).toISOString()
  return Array.from({ length: count }, (_, i) => ({
    id: `bench-${i}`,
    title: `Follow-up ${i}`,
    client: { name: `Client ${i % 40}`, email: `client${i % 40}@example.com` },
    channel: 'email',
    createdAt: at,
    dueAt: new Date(now + (i + 2) * 3_600_000).toISOString(),
    allDay: false,
    targetAt: new Date(now + (i + 1) * 3_600_000).toISOString(),
    notes: 'Bring the price list.',
    history: [{ type: 'created', at }],
    notifiedAt: {},
    kind: 'promise',
    checklist: [],
  }))
}

const rawTodo = (uid: string, summary: string) =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\nBEGIN:VTODO\r\nUID:${uid}\r\nDTSTAMP:20261123T090000Z\r\nSUMMARY:${summary}\r\nDUE:20261130T150000Z\r\nEND:VTODO\r\nEND:VCALENDAR\r\n`

async function benchServer(kind: ServerKind): Promise<string[]> {
  const server = await startCalDavServer(kind)
  try {
    const raw = new DavClient({ serverUrl: server.baseUrl, username: server.username, password: server.password })
    const { homeUrl } = await raw.discover()
    const rawCollection = await raw.createCollection(homeUrl, 'Raw PUTs')
    const rig = await openRig(server)
    try {
      // From scratch: raw PUTs and the app's sync alternate in blocks of 100 so both see the same load and collection size.
      const all = followUps(COUNT)
      let rawTotal = 0
      let syncTotal = 0
      for (let start = 0; start < COUNT; start += 100) {
        let began = performance.now()
        for (let i = start; i < Math.min(COUNT, start + 100); i++) await raw.put(new URL(`raw-${i}.ics`, rawCollection.url).href, rawTodo(`raw-${i}`, `Raw ${i}`), null)
        rawTotal += performance.now() - began
        rig.store.update({ ...rig.store.data, followUps: [...emptyData().followUps, ...all.slice(0, start + 100)] })
        began = performance.now()
        await rig.sync()
        syncTotal += performance.now() - began
      }
      const status = await rig.sync()
      if (status.pending !== 0) throw new Error(`The initial sync left ${status.pending} changes unsent.`)

      // One change: edit one follow-up and sync, next to one raw conditional PUT.
      const rawHref = new URL('raw-0.ics', rawCollection.url).href
      let rawEtag = (await raw.fetchOne(rawHref))!.etag!
      const rawTimes: number[] = []
      const syncTimes: number[] = []
      for (let round = 0; round < ROUNDS; round++) {
        let began = performance.now()
        const put = await raw.put(rawHref, rawTodo('raw-0', `Raw edit ${round}`), rawEtag)
        rawTimes.push(performance.now() - began)
        if (!put.ok || !put.etag) throw new Error('The raw conditional PUT failed.')
        rawEtag = put.etag
        await rig.service.handlers.update({ id: 'bench-0', patch: { title: `Follow-up 0, edit ${round}` } })
        began = performance.now()
        await rig.sync()
        syncTimes.push(performance.now() - began)
      }
      const rawPut = median(rawTimes)
      const oneChange = median(syncTimes)
      return [
        `${kind}: initial sync of ${COUNT} follow-ups ${ms(syncTotal)} (${ms(syncTotal / COUNT)} each) vs ${COUNT} raw PUTs ${ms(rawTotal)} (${ms(rawTotal / COUNT)} each): ratio ${(syncTotal / rawTotal).toFixed(2)}`,
        `${kind}: one-change sync median ${ms(oneChange)} vs raw conditional PUT median ${ms(rawPut)}: ratio ${(oneChange / rawPut).toFixed(2)} (${ROUNDS} rounds)`,
      ]
    } finally {
      await rig.close()
    }
  } finally {
    await server.stop()
  }
}

export async function benchCalDav(): Promise<string[]> {
  const lines = ['Calendar sync (CalDAV) against real servers, storage on tmpfs where available']
  for (const kind of SERVER_KINDS) {
    try {
      execFileSync('which', [kind], { stdio: 'ignore' })
    } catch {
      lines.push(`${kind}: skipped, not installed (apt-get install ${kind}).`)
      continue
    }
    lines.push(...(await benchServer(kind)))
  }
  return lines
}
