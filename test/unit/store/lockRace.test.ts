import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { LOCK_FILE_NAME } from '../../../electron/store/lock'

/** The goal is 200 of 200; CI may run fewer, never below 50. */
const TRIALS = process.env.CI === 'true' ? 50 : 200
/** A process id no process has (above Linux's largest pid_max). */
const DEAD_PID = 4_194_304 + 7

let workDir: string
let racerScript: string

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'follow-through-lock-race-'))
  racerScript = join(workDir, 'lockRacer.mjs')
  await build({
    entryPoints: [fileURLToPath(new URL('./fixtures/lockRacer.ts', import.meta.url))],
    outfile: racerScript,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  })
})

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

interface Racer {
  process: ChildProcessWithoutNullStreams
  /** Sends one trial; resolves with the racer's answer. */
  race(dir: string, start: number): Promise<string>
}

function startRacer(): Racer {
  const child = spawn(process.execPath, [racerScript], { stdio: ['pipe', 'pipe', 'pipe'] })
  const waiting: Array<(line: string) => void> = []
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.(line))
  return {
    process: child,
    race: (dir, start) =>
      new Promise((resolve) => {
        waiting.push(resolve)
        child.stdin.write(`${dir} ${start}\n`)
      }),
  }
}

test(`two simultaneous starts over a stale lock: exactly one wins, ${TRIALS} of ${TRIALS} times`, async () => {
  const racers = [startRacer(), startRacer()]
  try {
    const outcomes: string[] = []
    for (let trial = 0; trial < TRIALS; trial++) {
      const dir = join(workDir, `trial-${trial}`)
      await mkdir(dir)
      // Left by a crashed app on this machine: its process is gone.
      await writeFile(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: DEAD_PID, host: hostname(), app: 'crashed', since: new Date().toISOString(), token: 'old' }))
      const start = Date.now() + 20
      const answers = await Promise.all(racers.map((racer) => racer.race(dir, start)))
      const winners = racers.filter((_, k) => answers[k].startsWith('won'))
      const holder = JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8')) as { pid: number }
      outcomes.push(winners.length === 1 && holder.pid === winners[0].process.pid ? 'one winner' : `trial ${trial}: ${answers.join(', ')}; lock held by ${holder.pid}`)
    }
    expect(outcomes.filter((outcome) => outcome !== 'one winner')).toEqual([])
  } finally {
    for (const racer of racers) racer.process.kill()
  }
}, 120_000)
