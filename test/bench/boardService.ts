import { spawn } from 'node:child_process'
import { readFile, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import type { ViewRanges } from '../../electron/contract/view'
import { buildBoard } from '../../electron/core/board'
import { nextTransitionAt } from '../../electron/core/columns'
import { updateFollowUp } from '../../electron/core/commands'
import { diffData } from '../../electron/core/dataDiff'
import { dueReminders, nextReminderAt } from '../../electron/core/reminders'
import type { Data } from '../../electron/core/schema'
import { FollowThroughService } from '../../electron/service/service'
import { MemoryStore } from '../unit/service/memoryStore'
import { FakeTime } from '../support/fakeTime'
import { webScriptArgs } from '../e2e/support/webScript'
import { heavyBoardData } from './heavyBoard'

/**
 * The service side of the board (issue 10), at 10k and 100k follow-ups with 3–10
 * history events each, one view open as a page would hold it:
 * - bytes pushed to the view for a one-card change (an edit in the window, a
 *   completion that moves a card) — goal ≤ 4 KB; the old whole-board push for scale;
 * - service time for one change (command + index update + view delta), against the
 *   old path in the same run (command + rebuild the board + serialise it once),
 *   interleaved run by run — goal ≤ 5 ms at 10k, ≤ 20 ms at 100k;
 * - a clock tick that moves one card, against the old full rescan;
 * - browser mode's memory (RSS) with the data open, a view streaming and a few
 *   changes made, against the file size — goal ≤ 2× file + 100 MB.
 * The store is in memory here: its save is the store bench's figure.
 */

const SIZES = [
  { count: 10_000, runs: 41, goalMs: 5 },
  { count: 100_000, runs: 15, goalMs: 20 },
]
const BYTES_GOAL = 4096
const WINDOW = 40
const RANGES: ViewRanges = { promised: { start: 0, end: WINDOW }, due: { start: 0, end: WINDOW }, overdue: { start: 0, end: WINDOW }, done: { start: 0, end: WINDOW } }
const ROOT = resolve(import.meta.dirname, '../..')

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0)).padStart(8)
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

async function time(fn: () => unknown): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

/** What the service did per change before views: rebuild the whole board and serialise it (once, for one listener). */
function oldChange(data: Data, id: string, notes: string, now: Date): number {
  const next = updateFollowUp(data, id, { notes }, now)
  diffData(data, next)
  return JSON.stringify(buildBoard(next, now)).length
}

/** What the old scheduler did per tick: rescan every follow-up for reminders and transitions, then push a whole board. */
function oldTick(data: Data, now: Date): number {
  dueReminders(data, now)
  nextReminderAt(data, now)
  nextTransitionAt(data, now)
  return JSON.stringify(buildBoard(data, now)).length
}

async function serviceFigures(count: number, runs: number, goalMs: number): Promise<string[]> {
  const time0 = Date.now()
  const data = heavyBoardData(count, time0)
  const fileBytes = JSON.stringify(data).length
  const clock = new FakeTime(new Date(time0))
  const store = new MemoryStore(structuredClone(data))
  const service = new FollowThroughService({ store, now: clock.now, timers: clock, notifier: { notify: async () => {} } })
  const pushed: string[] = []
  service.openView({ viewId: 'bench-view', query: {}, ranges: RANGES }, { send: (text) => pushed.push(text) })
  const snapshotBytes = pushed[0].length
  const visible = (JSON.parse(pushed[0]) as { snapshot: { windows: Record<string, { ids: string[] }> } }).snapshot.windows
  const promisedIds = visible.promised.ids
  const oldBoardBytes = JSON.stringify(service.board()).length

  // Warm-up: the first change also sends reminders that were due at start.
  await service.handlers.update({ id: promisedIds[0], patch: { notes: 'warm-up' } })

  const newTimes: number[] = []
  const oldTimes: number[] = []
  const editBytes: number[] = []
  for (let run = 0; run < runs; run++) {
    const id = promisedIds[run % promisedIds.length]
    const notes = `Run ${run}: they asked for the annual price and a reference customer.`
    // Interleaved, alternating which goes first, so drift and GC hit both alike.
    const measureNew = async () => {
      pushed.length = 0
      newTimes.push(await time(() => service.handlers.update({ id, patch: { notes } })))
      editBytes.push(pushed.reduce((sum, text) => sum + text.length, 0))
    }
    const measureOld = async () => oldTimes.push(await time(() => oldChange(store.data, id, notes, clock.now())))
    if (run % 2 === 0) {
      await measureNew()
      await measureOld()
    } else {
      await measureOld()
      await measureNew()
    }
  }

  // A move: completing a card takes it from Promised to Done (and plans its check-in).
  pushed.length = 0
  await service.handlers.complete({ id: promisedIds[1] })
  const moveBytes = pushed.reduce((sum, text) => sum + text.length, 0)

  // Ticks that each move one card: its own target comes (median of several, interleaved with the old rescan).
  const TICKS = 9
  for (let tick = 1; tick <= TICKS; tick++) {
    await service.handlers.create({ title: `Tick ${tick}`, client: { name: 'Bench' }, channel: 'email', dueAt: new Date(time0 + 3 * 86_400_000).toISOString(), targetAt: new Date(clock.now().getTime() + tick * 60_000).toISOString(), allDay: false, notes: '' })
  }
  const tickTimes: number[] = []
  const oldTickTimes: number[] = []
  let tickBytes = 0
  for (let tick = 1; tick <= TICKS; tick++) {
    pushed.length = 0
    tickTimes.push(await time(() => clock.advance(60_000)))
    tickBytes = Math.max(tickBytes, pushed.reduce((sum, text) => sum + text.length, 0))
    if (tick <= 3) oldTickTimes.push(await time(() => oldTick(store.data, clock.now())))
  }
  const tickMs = median(tickTimes)
  const oldTickMs = median(oldTickTimes)

  const newMedian = median(newTimes)
  const oldMedian = median(oldTimes)
  const maxEdit = Math.max(...editBytes)
  return [
    `  ${count.toLocaleString('en-US')} follow-ups (file ${(fileBytes / 1e6).toFixed(1)} MB; view ${WINDOW} per column, snapshot ${kb(snapshotBytes)}; old whole-board push ${(oldBoardBytes / 1e6).toFixed(1)} MB)`,
    `    bytes pushed, one-card edit       ${kb(median(editBytes)).padStart(8)}   (max ${kb(maxEdit)}; goal <= ${kb(BYTES_GOAL)}: ${maxEdit <= BYTES_GOAL ? 'met' : 'NOT met'})`,
    `    bytes pushed, one-card move       ${kb(moveBytes).padStart(8)}   (complete: Promised -> Done, plus its check-in; goal <= ${kb(BYTES_GOAL)}: ${moveBytes <= BYTES_GOAL ? 'met' : 'NOT met'})`,
    `    service time for one change       ${fmt(newMedian)} ms  (old path ${fmt(oldMedian).trim()} ms; ${(oldMedian / newMedian).toFixed(0)}x less; median of ${runs}, interleaved; goal <= ${goalMs} ms: ${newMedian <= goalMs ? 'met' : 'NOT met'})`,
    `    clock tick moving one card        ${fmt(tickMs)} ms  (median of ${tickTimes.length}; old full rescan + push ${fmt(oldTickMs).trim()} ms, median of ${oldTickTimes.length}; pushed at most ${kb(tickBytes)})`,
  ]
}

/** CPU time (clock ticks) the process has used so far. */
async function cpuTicks(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ')
  return Number(fields[11]) + Number(fields[12])
}

/** Resolves once the process has used no CPU for a second (its work after start, such as settling memory, is done), or after 20 s. */
async function idle(pid: number): Promise<void> {
  const deadline = Date.now() + 20_000
  let last = await cpuTicks(pid)
  let quietSince = Date.now()
  while (Date.now() - quietSince < 1000 && Date.now() < deadline) {
    await new Promise((resolveTick) => setTimeout(resolveTick, 100))
    const now = await cpuTicks(pid)
    if (now !== last) quietSince = Date.now()
    last = now
  }
}

/** Browser mode's resident memory (bytes) with `count` follow-ups open, a view streaming and a few changes made, once it is idle; and the file's size. */
async function serverMemory(count: number): Promise<{ rss: number; fileBytes: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'follow-through-bench-rss-'))
  const file = join(dataDir, 'follow-through.json')
  await writeFile(file, JSON.stringify(heavyBoardData(count)))
  const fileBytes = (await stat(file)).size
  // As `npm run web` runs it: built JavaScript (built first if stale), with the script's Node options.
  const child = spawn(process.execPath, [...webScriptArgs(), '--data-dir', dataDir, '--port', '0', '--no-notifications'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const match = line.match(/^Follow Through web: (\S+)$/)
        if (match) resolveUrl(match[1])
      })
      child.once('exit', (code) => reject(new Error(`browser mode exited (${code})`)))
    })
    const { origin, searchParams } = new URL(url)
    const token = searchParams.get('token')!
    const stream = await new Promise<import('node:http').IncomingMessage>((resolveStream) =>
      get(`${origin}/api/view?${new URLSearchParams({ viewId: 'bench-rss', query: '{}', ranges: JSON.stringify(RANGES), token })}`, resolveStream),
    )
    stream.resume()
    const call = (method: string, body: unknown) =>
      fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body) }).then((r) => r.json())
    for (let i = 0; i < 5; i++) await call('quickAdd', { text: `Call bench client ${i} friday 4pm` })
    await idle(child.pid!)
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8')
    const rssKb = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0)
    stream.destroy()
    return { rss: rssKb * 1024, fileBytes }
  } finally {
    child.kill('SIGTERM')
    await new Promise((resolveExit) => child.once('exit', resolveExit))
    await rm(dataDir, { recursive: true, force: true })
  }
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`

export async function benchBoardService(): Promise<string[]> {
  const lines = ['Board service benchmark: views and deltas, one view open, store in memory (medians; baselines in the same run)', '']
  // Browser mode with no follow-ups at all: what the process costs before any data.
  const empty = await serverMemory(0).catch(() => null)
  for (const { count, runs, goalMs } of SIZES) {
    lines.push(...(await serviceFigures(count, runs, goalMs)))
    try {
      const { rss, fileBytes } = await serverMemory(count)
      const goal = 2 * fileBytes + 100e6
      const base = empty ? `; empty data ${mb(empty.rss)}, so the data costs ${mb(rss - empty.rss)} = ${((rss - empty.rss) / fileBytes).toFixed(1)}x the file` : ''
      lines.push(`    server RSS ${mb(rss)} with a ${mb(fileBytes)} file (goal <= 2x file + 100 MB = ${mb(goal)}: ${rss <= goal ? 'met' : 'NOT met'}${base})`)
    } catch (error) {
      lines.push(`    server RSS: not measured (${(error as Error).message})`)
    }
    lines.push('')
  }
  return lines
}
