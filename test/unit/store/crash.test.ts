import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { decodeDataFile } from '../../../electron/store/decode'
import { Store } from '../../../electron/store/store'
import { backupsDir, dataFile } from './helpers'
import { counterOf, crashState } from './fixtures/crashState'

const KILLS = 200
/** How many children load ahead of their turn. */
const WARM_CHILDREN = 2
/** Upper bound of the random wait between the child's first output and the kill. */
const MAX_KILL_DELAY_MS = 15

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
  workDir = await mkdtemp(join(tmpdir(), 'follow-through-crash-'))
  childScript = join(workDir, 'crashChild.mjs')
  // Everything bundled into one file, so the child starts fast and needs no node_modules.
  await build({
    entryPoints: [fileURLToPath(new URL('./fixtures/crashChild.ts', import.meta.url))],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    logLevel: 'error',
  })
})

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

interface Child {
  /** Lets the loaded child open the store and start writing. */
  go(): void
  /** Resolves once it has printed its first committed state; rejects if it ended instead. */
  firstOutput: Promise<void>
  /** Kills it with SIGKILL; resolves with the states it reported as written. */
  kill(): Promise<number[]>
}

/** Spawns a child that loads and then waits for go(), so its start-up overlaps the previous run. */
function startChild(dataDir: string): Child {
  const child = spawn(process.execPath, [childScript, dataDir], { stdio: ['pipe', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdin.on('error', () => {})
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const closed = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>
  const firstOutput = Promise.race([
    once(child.stdout, 'data').then(() => {}),
    closed.then(() => {
      throw new Error(`The child exited before writing anything:\n${stderr}`)
    }),
  ])
  firstOutput.catch(() => {})
  return {
    go: () => child.stdin.write('go\n'),
    firstOutput,
    kill: async () => {
      child.kill('SIGKILL')
      const [code, signal] = await closed
      if (signal !== 'SIGKILL') throw new Error(`The child ended by itself (code ${code}):\n${stderr}`)
      // Only whole lines count: a number is printed after its write has completed.
      return stdout
        .split('\n')
        .slice(0, -1)
        .map((line) => Number(line))
    },
  }
}

describe('crash safety', () => {
  test(
    `kill -9 at random moments ${KILLS} times: the file always holds a committed state and nothing committed is lost`,
    async () => {
      const seed = Date.now() >>> 0
      const random = mulberry32(seed)
      const dataDir = join(workDir, 'data')
      let committed = -1 // a fresh folder: the child starts at state 0
      // Children load ahead of their turn, so start-up time overlaps the runs before.
      const waiting = Array.from({ length: WARM_CHILDREN }, () => startChild(dataDir))
      for (let kill = 0; kill < KILLS; kill++) {
        const context = `kill ${kill}, seed ${seed}`
        const current = waiting.shift()!
        waiting.push(startChild(dataDir))
        current.go()
        await current.firstOutput
        const wait = Math.floor(random() * (MAX_KILL_DELAY_MS + 1))
        if (wait > 0) await delay(wait)
        const printed = await current.kill()
        expect(printed.length, context).toBeGreaterThan(0)
        // The child reopened the folder (taking over the dead child's lock) and saw the last committed state.
        expect(printed[0], `${context}: first state written after reopening`).toBe(committed + 1)
        const last = printed[printed.length - 1]

        const text = await readFile(dataFile(dataDir), 'utf8')
        const decoded = decodeDataFile(text)
        if (!decoded.ok) throw new Error(`${context}: the data file does not open: ${decoded.reason}`)
        const onDisk = counterOf(decoded.data)
        // Either the last write it reported finished, or the one that was in flight - never a mix.
        expect([last, last + 1], context).toContain(onDisk)
        expect(decoded.data, context).toEqual(crashState(onDisk))
        committed = onDisk
      }

      await Promise.all(waiting.map((child) => child.kill()))

      // Every backup left behind is a whole data file.
      for (const name of await readdir(backupsDir(dataDir))) {
        const decoded = decodeDataFile(await readFile(join(backupsDir(dataDir), name), 'utf8'))
        expect(decoded.ok, name).toBe(true)
      }
      // And the app opens the folder as usual afterwards, with the last committed state.
      const store = await Store.open({ dataDir, app: 'after the crashes' })
      try {
        expect(store.notices).toEqual([])
        expect(store.data).toEqual(crashState(committed))
        // Temp files of writes cut short by the kills are cleared away at open.
        expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
      } finally {
        await store.close()
      }
    },
    180_000,
  )
})
