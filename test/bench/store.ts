import { cp, mkdtemp, open, readFile, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { DataChange } from '../../electron/core/dataDiff'
import type { Data } from '../../electron/core/schema'
import { noteWritten, sha256 } from '../../electron/store/checksum'
import { encodeGroup, JOURNAL_FILE_NAME } from '../../electron/store/journal'
import { invalidDataReason } from '../../electron/store/snapshot'
import { DATA_FILE_NAME, Store } from '../../electron/store/store'
import { makeData } from '../fixtures/followUps'

/**
 * The store against raw file work on the same bytes, each figure and its baseline
 * interleaved in one run (paired runs, medians):
 * - durable save of one change (journal append + fsync, group commit) vs a raw
 *   fsync'd append of the same line;
 * - throughput under group commit (many changes in flight) vs raw fsync'd appends
 *   of the same lines, one per change;
 * - open with a journal to replay vs readFile + JSON.parse of the same file and lines;
 * - compaction (schema check + serialise + backup + durable replace) vs
 *   JSON.stringify + write + fsync + rename, and the schema check alone; and the
 *   longest the event loop is held up meanwhile, against the raw replace's.
 */

const SIZES = [
  { count: 1_000, runs: 7 },
  { count: 10_000, runs: 5 },
  { count: 100_000, runs: 3 },
]
const SAVE_RUNS = 21
const THROUGHPUT = { changes: 2_000, inFlight: 32, runs: 5 }
/** Journalled before the open figure: 1,000 changes in 100 lines, as ten-change groups leave them. */
const JOURNALLED = { changes: 1_000, perLine: 10 }
const SAVE_GOAL_MS = 10

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))]

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

/** The longest the event loop was held up while `fn` ran: what a click waits for if it arrives then. */
async function longestStall(fn: () => Promise<unknown>): Promise<number> {
  const delays = monitorEventLoopDelay({ resolution: 1 })
  delays.enable()
  await fn()
  delays.disable()
  return delays.max / 1e6
}

/** Runs a and b alternately (which goes first alternates too), so background load hits both alike. */
async function paired(runs: number, a: (run: number) => Promise<number>, b: (run: number) => Promise<number>): Promise<{ a: number[]; b: number[] }> {
  const result = { a: [] as number[], b: [] as number[] }
  for (let run = 0; run < runs; run++) {
    if (run % 2 === 0) {
      result.a.push(await a(run))
      result.b.push(await b(run))
    } else {
      result.b.push(await b(run))
      result.a.push(await a(run))
    }
  }
  return result
}

/** A chain of one-card edits: step k is made to the data step k - 1 left. */
function editChain(data: Data, length: number, label: string): { data: Data; change: DataChange }[] {
  const steps: { data: Data; change: DataChange }[] = []
  let current = data
  for (let k = 0; k < length; k++) {
    const followUps = [...current.followUps]
    const index = (k * 7919) % followUps.length
    const card = { ...followUps[index], title: `${label} ${k}` }
    followUps[index] = card
    current = { ...current, followUps }
    steps.push({ data: current, change: { followUps: { put: [card], removed: [] }, contacts: { put: [], removed: [] } } })
  }
  return steps
}

async function rawAppend(handle: FileHandle, line: string): Promise<void> {
  const bytes = Buffer.from(line, 'utf8')
  await handle.write(bytes, 0, bytes.length)
  await handle.datasync()
}

async function rawReplace(file: string, data: unknown): Promise<void> {
  const temp = `${file}.tmp`
  const handle = await open(temp, 'w')
  try {
    await handle.writeFile(JSON.stringify(data), 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temp, file)
}

async function rawOpen(file: string, journal: string): Promise<number> {
  const data = JSON.parse(await readFile(file, 'utf8')) as Data
  let lines = 0
  for (const line of (await readFile(journal, 'utf8')).split('\n')) if (line) lines += JSON.parse(line.slice(9)).changes.length
  return data.followUps.length + lines
}

/** The bench takes minutes at 100k: say where it is (on stderr, apart from the table). */
const progress = (step: string) => process.stderr.write(`store bench: ${step}…\n`)

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0)).padStart(8)
const ratio = (value: number) => `${value.toFixed(2)}x`.padStart(7)

/** Throughput: changes per second acknowledged, many in flight, vs one raw fsync'd append per change of the same line. */
async function benchThroughput(root: string): Promise<string[]> {
  const dir = join(root, 'throughput')
  const data = makeData(1_000)
  const seed = await Store.open({ dataDir: dir, app: 'bench' })
  await seed.update(data)
  await seed.close()
  const store = await Store.open({ dataDir: dir, app: 'bench', compactAfterBytes: Number.MAX_SAFE_INTEGER })
  const raw = await open(join(root, 'raw-throughput.journal'), 'a')
  const groups: number[] = []
  try {
    const { a: storeRates, b: rawRates } = await paired(
      THROUGHPUT.runs,
      async (run) => {
        const steps = editChain(store.data, THROUGHPUT.changes, `throughput ${run}`)
        const before = (await stat(join(dir, JOURNAL_FILE_NAME)).catch(() => ({ size: 0 }))).size
        const elapsed = await time(async () => {
          const inFlight: Promise<void>[] = []
          for (const step of steps) {
            inFlight.push(store.update(step.data, step.change))
            if (inFlight.length >= THROUGHPUT.inFlight) await inFlight.shift()
          }
          await Promise.all(inFlight)
        })
        const lines = (await readFile(join(dir, JOURNAL_FILE_NAME), 'utf8')).slice(before).split('\n').length - 1
        groups.push(THROUGHPUT.changes / lines)
        return THROUGHPUT.changes / (elapsed / 1000)
      },
      async (run) => {
        const lines = editChain(data, THROUGHPUT.changes, `throughput ${run}`).map((step) => encodeGroup([step.change]))
        const elapsed = await time(async () => {
          for (const line of lines) await rawAppend(raw, line)
        })
        return THROUGHPUT.changes / (elapsed / 1000)
      },
    )
    const storeRate = median(storeRates)
    const rawRate = median(rawRates)
    return [
      `Throughput under group commit (${THROUGHPUT.changes} one-card changes, ${THROUGHPUT.inFlight} in flight, median of ${THROUGHPUT.runs} paired runs):`,
      `  store: ${storeRate.toFixed(0)} changes/s acknowledged (about ${median(groups).toFixed(1)} changes per fsync)`,
      `  raw:   ${rawRate.toFixed(0)} changes/s, one fsync'd append of the same line per change`,
      `  group-commit throughput ratio: ${(storeRate / rawRate).toFixed(2)}x raw`,
    ]
  } finally {
    await raw.close()
    await store.close()
  }
}

export async function benchStore(): Promise<string[]> {
  const lines = [
    'Store benchmark: medians of paired runs against raw file work on the same bytes (interleaved in this run)',
    '',
    '  follow-ups |  file MB | save 1 change: store    raw   ratio  store p95 | open + replay 1k: store      raw  ratio | compact: store      raw  ratio | schema check',
    '  -----------|----------|--------------------------------------------|------------------------------------------|--------------------------------|-------------',
  ]
  const verdicts: string[] = []
  const root = await mkdtemp(join(tmpdir(), 'follow-through-bench-'))
  try {
    progress('throughput')
    const throughput = await benchThroughput(root)
    progress(throughput.join('\n'))
    for (const { count, runs } of SIZES) {
      const dir = join(root, `store-${count}`)
      const pristine = join(root, `pristine-${count}`)
      const data = makeData(count)
      const text = JSON.stringify(data)
      const seed = await Store.open({ dataDir: dir, app: 'bench' })
      await seed.update(data)
      await seed.close()
      const file = join(dir, DATA_FILE_NAME)
      const megabytes = (await stat(file)).size / 1e6
      progress(`${count}: saves`)

      // Durable save of one change, the store held open as the app holds it.
      const store = await Store.open({ dataDir: dir, app: 'bench' })
      const raw = await open(join(root, `raw-${count}.journal`), 'a')
      const steps = editChain(data, SAVE_RUNS + 1, 'saved')
      const save = await paired(
        SAVE_RUNS,
        (run) => time(() => store.update(steps[run].data, steps[run].change)),
        (run) => time(() => rawAppend(raw, encodeGroup([steps[run].change]))),
      )
      await raw.close()

      progress(`${count}: compactions`)
      // Compaction: the journal folded into the data file, against a raw whole-file replace.
      const rawFile = join(root, `raw-${count}.json`)
      const compactSteps = editChain(store.data, runs, 'compacted')
      const compactStalls: number[] = []
      const rawStalls: number[] = []
      const compact = await paired(
        runs,
        async (run) => {
          await store.update(compactSteps[run].data, compactSteps[run].change)
          let elapsed = 0
          compactStalls.push(await longestStall(async () => (elapsed = await time(() => store.compact()))))
          return elapsed
        },
        async (run) => {
          let elapsed = 0
          rawStalls.push(await longestStall(async () => (elapsed = await time(() => rawReplace(rawFile, compactSteps[run].data)))))
          return elapsed
        },
      )
      const check = await paired(
        runs,
        () => time(() => invalidDataReason(store.data)),
        () => time(() => JSON.stringify(store.data)),
      )
      await store.close()

      progress(`${count}: opens`)
      // Open with a journal of 1k changes to replay (as after a crash), against parsing the same bytes.
      await writeFile(file, text)
      await noteWritten(file, sha256(text))
      const writer = await Store.open({ dataDir: dir, app: 'bench', compactAfterBytes: Number.MAX_SAFE_INTEGER })
      const journalled = editChain(data, JOURNALLED.changes, 'journalled')
      for (let k = 0; k < journalled.length; k += JOURNALLED.perLine) {
        await Promise.all(journalled.slice(k, k + JOURNALLED.perLine).map((step) => writer.update(step.data, step.change)))
      }
      await cp(dir, pristine, { recursive: true, filter: (source) => !source.endsWith('.lock') })
      await writer.close()
      const openTimes = await paired(
        runs,
        async () => {
          await rm(dir, { recursive: true, force: true })
          await cp(pristine, dir, { recursive: true })
          let opened: Store | undefined
          const elapsed = await time(async () => (opened = await Store.open({ dataDir: dir, app: 'bench' })))
          if (opened!.data.followUps.length !== count || opened!.notices.length > 0) throw new Error('bench: the store did not open cleanly')
          await opened!.close()
          return elapsed
        },
        () => time(() => rawOpen(join(pristine, DATA_FILE_NAME), join(pristine, JOURNAL_FILE_NAME))),
      )

      const s = { store: median(save.a), raw: median(save.b) }
      const o = { store: median(openTimes.a), raw: median(openTimes.b) }
      const c = { store: median(compact.a), raw: median(compact.b) }
      lines.push(
        `  ${String(count).padStart(10)} | ${megabytes.toFixed(1).padStart(8)} | ${ms(s.store)} ${ms(s.raw)} ${ratio(s.store / s.raw)} ${ms(p95(save.a))} ms | ` +
          `${ms(o.store)} ${ms(o.raw)} ${ratio(o.store / o.raw)}            | ${ms(c.store)} ${ms(c.raw)} ${ratio(c.store / c.raw)} | ${ms(median(check.a))} ms (${ratio(median(check.a) / median(check.b))} stringify)`,
      )
      progress(`row done\n${lines.at(-1)}`)
      if (count >= 10_000) {
        verdicts.push(
          `  durable save of one change at ${count / 1000}k: ${s.store.toFixed(2)} ms median (${(s.store / s.raw).toFixed(2)}x a raw fsync'd append) - ` +
            `${s.store <= SAVE_GOAL_MS ? 'within' : 'OVER'} the ${SAVE_GOAL_MS} ms goal`,
          `  longest event-loop stall during a compaction at ${count / 1000}k: ${median(compactStalls).toFixed(0)} ms median ` +
            `(a raw JSON.stringify + write holds it ${median(rawStalls).toFixed(0)} ms)`,
        )
      }
    }
    lines.push('', ...verdicts, '', ...throughput)
  } finally {
    await rm(root, { recursive: true, force: true })
  }
  lines.push(
    '',
    '  save 1 change = store.update() until acknowledged (journal append + fsync); raw = append of the same line + fdatasync',
    '  open + replay 1k = Store.open with 1,000 journalled changes (100 lines); raw = readFile + JSON.parse of the same file and journal lines',
    '  compact = schema check + serialise + daily backup + durable replace; raw = JSON.stringify + write + fsync + rename',
  )
  return lines
}
