import { mkdir, mkdtemp, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Data } from '../../electron/core/schema'
import { CHECKSUM_FILE_SUFFIX, noteWritten } from '../../electron/store/checksum'
import { DATA_FILE_NAME, Store } from '../../electron/store/store'
import { makeData } from '../fixtures/followUps'

/**
 * Store open (read + JSON.parse + migrate + validate) and save (update + flush:
 * stringify + daily backup link + durable write) against the raw baseline on the
 * same bytes: readFile + JSON.parse, and JSON.stringify + writeFile + fsync + rename.
 * Goal: both within 1.5x of raw at 10k follow-ups; 100k opens.
 */

const SIZES = [
  { count: 1_000, runs: 7 },
  { count: 10_000, runs: 7 },
  { count: 100_000, runs: 3 },
]
const GOAL_RATIO = 1.5

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

async function rawOpen(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8'))
}

async function rawSave(file: string, data: unknown): Promise<void> {
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

/** A different version of the data, as one edit would make it (built before the clock starts). */
function edited(data: Data, run: number): Data {
  const followUps = [...data.followUps]
  followUps[run % followUps.length] = { ...followUps[run % followUps.length], title: `Edited in run ${run}` }
  return { ...data, followUps, settings: { ...data.settings, leadTimeMinutes: 30 + run } }
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0)).padStart(7)
const fmtRatio = (ratio: number) => `${ratio.toFixed(2)}x`.padStart(6)

export async function benchStore(): Promise<string[]> {
  const lines = [
    'Store benchmark: median ms (runs: 7 at 1k and 10k, 3 at 100k), store vs raw JSON on the same bytes',
    '',
    '  follow-ups |   file MB |  open: store      raw  ratio | (full check) |  save: store      raw  ratio',
    '  -----------|-----------|-----------------------------|------------|------------------------------',
  ]
  const verdicts: string[] = []
  for (const { count, runs } of SIZES) {
    const root = await mkdtemp(join(tmpdir(), `follow-through-bench-${count}-`))
    try {
      const storeDir = join(root, 'store')
      const rawDir = join(root, 'raw')
      const data = makeData(count)
      const text = JSON.stringify(data)
      const storeFile = join(storeDir, DATA_FILE_NAME)
      const rawFile = join(rawDir, DATA_FILE_NAME)
      // The store creates its folder; seed both files with the same bytes.
      await (await Store.open({ dataDir: storeDir, app: 'bench' })).close()
      await writeFile(storeFile, text)
      await mkdir(rawDir, { recursive: true })
      await writeFile(rawFile, text)
      const megabytes = (await stat(storeFile)).size / 1e6

      // Open: a warm-up of each, then alternate so background load hits both alike.
      const openStore = async () => {
        const store = await Store.open({ dataDir: storeDir, app: 'bench' })
        if (store.data.followUps.length !== count || store.notices.length > 0) throw new Error('bench: the store did not open the file cleanly')
        return store
      }
      await (await openStore()).close()
      await rawOpen(rawFile)
      const storeOpen: number[] = []
      const rawOpenTimes: number[] = []
      const validate: number[] = []
      for (let run = 0; run < runs; run++) {
        let store: Store | undefined
        // As the app finds its own file: the checksum note matches, no per-follow-up validation.
        await noteWritten(storeFile, text)
        storeOpen.push(await time(async () => (store = await openStore())))
        await store!.close()
        rawOpenTimes.push(await time(() => rawOpen(rawFile)))
        // As after an edit outside the app: every follow-up is validated.
        await rm(storeFile + CHECKSUM_FILE_SUFFIX)
        validate.push(await time(async () => (store = await openStore())))
        await store!.close()
      }

      // Save: one store held open (as the app does); each run saves a fresh edit.
      const store = await Store.open({ dataDir: storeDir, app: 'bench', writeDelayMs: 60_000 })
      const storeSave: number[] = []
      const rawSaveTimes: number[] = []
      try {
        for (let run = -1; run < runs; run++) {
          const next = edited(data, run + 1)
          const storeMs = await time(async () => {
            store.update(next)
            await store.flush()
          })
          const rawMs = await time(() => rawSave(rawFile, next))
          if (run >= 0) {
            storeSave.push(storeMs)
            rawSaveTimes.push(rawMs)
          }
        }
      } finally {
        await store.close()
      }

      const open = { store: median(storeOpen), raw: median(rawOpenTimes) }
      const save = { store: median(storeSave), raw: median(rawSaveTimes) }
      lines.push(
        `  ${String(count).padStart(10)} | ${megabytes.toFixed(1).padStart(9)} | ${fmt(open.store)}  ${fmt(open.raw)} ${fmtRatio(open.store / open.raw)} | ` +
          `${fmt(median(validate))}      | ${fmt(save.store)}  ${fmt(save.raw)} ${fmtRatio(save.store / save.raw)}`,
      )
      if (count === 10_000) {
        for (const [name, m] of [['open', open], ['save', save]] as const) {
          const ratio = m.store / m.raw
          verdicts.push(`  ${name} at 10k: ${ratio.toFixed(2)}x raw - ${ratio <= GOAL_RATIO ? 'within' : 'OVER'} the ${GOAL_RATIO}x goal`)
        }
      }
      if (count === 100_000) verdicts.push(`  100k: opens (${(open.store / 1000).toFixed(1)} s)`)
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  }
  lines.push('', '  (full check) = store open of a file changed outside the app: no matching checksum note, every follow-up validated', ...verdicts)
  return lines
}
