import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { noteWritten, sha256 } from '../../../electron/store/checksum'
import { Store } from '../../../electron/store/store'
import { dataFile } from './helpers'
import { counterOf, firstMismatch, initialState } from './fixtures/killState'

/** The goal is 500 kills at each size; CI may run fewer, never below 200. */
const KILLS = process.env.CI === 'true' ? 200 : 500
const SIZES = [1_000, 10_000]
/** How many children load ahead of their turn. */
const WARM_CHILDREN = 3
/** Upper bound of the random time a child runs after opening before it is killed… */
const MAX_RUN_MS = 40
/** …except some that run long enough to finish a compaction (or be killed late in one). */
const LONG_RUN = { share: 0.1, maxMs: 1000 }
/** Some kills land during the open itself (journal replay, cutting a torn line). */
const KILL_DURING_OPEN = 0.1
/** Small, so compactions run often and kills land in them too. */
const COMPACT_AFTER_BYTES = 256 * 1024

/** Small seeded generator so a failing run can be replayed with its seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

let workDir: string
let childScript: string

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'follow-through-kill-'))
  childScript = join(workDir, 'killChild.mjs')
  // Everything bundled into one file, so the child starts fast and needs no node_modules.
  await build({
    entryPoints: [fileURLToPath(new URL('./fixtures/killChild.ts', import.meta.url))],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    // The service's CommonJS dependencies require Node's built-ins, which an ES module bundle must provide.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'error',
  })
})

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

interface Child {
  go(): void
  /** The child's report of what it found at open; rejects if it ended instead. */
  opened: Promise<string>
  /** Kills it with SIGKILL; resolves with the changes it acknowledged (whole lines only). */
  kill(): Promise<number[]>
}

function startChild(dataDir: string, size: number): Child {
  const child = spawn(process.execPath, [childScript, dataDir, String(size), String(COMPACT_AFTER_BYTES)], { stdio: ['pipe', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let reportOpen: (line: string) => void
  const opened = new Promise<string>((resolve) => (reportOpen = resolve))
  child.stdin.on('error', () => {})
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    const line = stdout.split('\n')[0]
    if (stdout.includes('\n')) reportOpen(line)
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const closed = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>
  const openedOrEnded = Promise.race([
    opened,
    closed.then(() => {
      throw new Error(`The child exited before opening:\n${stderr}`)
    }),
  ])
  openedOrEnded.catch(() => {})
  return {
    go: () => child.stdin.write('go\n'),
    opened: openedOrEnded,
    kill: async () => {
      child.kill('SIGKILL')
      const [code, signal] = await closed
      if (signal !== 'SIGKILL') throw new Error(`The child ended by itself (code ${code}):\n${stderr}`)
      return stdout
        .split('\n')
        .slice(1, -1)
        .map((line) => Number(line))
    },
  }
}

describe('kill -9 at random moments', () => {
  test.each(SIZES)(
    `${KILLS} kills at %i follow-ups: every acknowledged change is on disk after reopening`,
    async (size) => {
      const seed = Date.now() >>> 0
      const random = mulberry32(seed)
      const dataDir = join(workDir, `data-${size}`)
      await mkdir(dataDir, { recursive: true })
      // As the app leaves it: the data file with its checksum note.
      const text = JSON.stringify(initialState(size))
      await writeFile(dataFile(dataDir), text)
      await noteWritten(dataFile(dataDir), sha256(text))
      let acknowledged = -1
      let lost = 0
      const problems: string[] = []
      const waiting = Array.from({ length: WARM_CHILDREN }, () => startChild(dataDir, size))
      for (let kill = 0; kill < KILLS; kill++) {
        const context = `kill ${kill} at ${size}, seed ${seed}`
        const current = waiting.shift()!
        waiting.push(startChild(dataDir, size))
        current.go()
        if (random() < KILL_DURING_OPEN) {
          await delay(Math.floor(random() * 30))
        } else {
          const [, counter, verdict, ...why] = (await current.opened).split(' ')
          // Reopened after the previous kill: everything acknowledged before it is there, and the rest is consistent.
          if (Number(counter) < acknowledged) lost += acknowledged - Number(counter)
          if (verdict !== 'ok') problems.push(`${context}: ${why.join(' ')}`)
          acknowledged = Math.max(acknowledged, Number(counter))
          await delay(Math.floor(random() * ((random() < LONG_RUN.share ? LONG_RUN.maxMs : MAX_RUN_MS) + 1)))
        }
        const acks = await current.kill()
        acknowledged = Math.max(acknowledged, ...acks)
      }
      await Promise.all(waiting.map((child) => child.kill()))

      // The app opens the folder as usual afterwards; a clean close leaves the data file alone holding everything.
      const store = await Store.open({ dataDir, app: 'after the kills' })
      const counter = counterOf(store.data)
      if (counter < acknowledged) lost += acknowledged - counter
      const mismatch = firstMismatch(store.data, size, counter)
      if (mismatch) problems.push(`after the kills: ${mismatch}`)
      await store.close()
      expect((await readdir(dataDir)).filter((name) => name.startsWith('follow-through')).sort()).toEqual(['follow-through.json', 'follow-through.json.checksum'])
      console.log(`kill -9 at ${size} follow-ups: ${KILLS} kills, ${acknowledged + 1} changes acknowledged, ${lost} acknowledged changes lost (seed ${seed})`)
      expect(problems).toEqual([])
      expect(lost).toBe(0)
      expect(acknowledged).toBeGreaterThan(KILLS)
    },
    // Generous: on a machine shared with other work each kill costs a process start and an open.
    1_200_000,
  )
})
