import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { ROOT } from './paths'
import { webScriptArgs } from './webScript'

/** The ready line from DESIGN.md: `Follow Through web: <url>`; other output may share the prefix. */
const READY_LINE = /^Follow Through web: (http:\/\/\S+)$/

export interface WebApp {
  /** The URL printed at start, with its access token. */
  url: string
  /** http://127.0.0.1:PORT */
  origin: string
  port: number
  token: string
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string
  /** SIGTERM, await exit, and fail unless it exited with code 0. Safe to call twice. */
  stop(): Promise<void>
}

export const makeDataDir = () => mkdtemp(join(tmpdir(), 'follow-through-e2e-'))
export const removeDataDir = (dir: string) => rm(dir, { recursive: true, force: true })

/**
 * Starts browser mode the way `npm run web` would, but as one process so SIGTERM reaches
 * the app itself: resolves once it prints its ready line. The first start may build the
 * renderer, hence the long default timeout.
 */
export async function startWebApp(options: {
  dataDir: string
  port?: number
  timeoutMs?: number
  env?: Record<string, string>
  /** Run the built server exactly as `npm run web` does (out/web, the script's Node options) instead of the sources. */
  built?: boolean
}): Promise<WebApp> {
  const { dataDir, port = 0, timeoutMs = 110_000 } = options
  // One process, not npm and not tsx's CLI: tsx's CLI runs the script in a child and relays
  // SIGTERM, but SIGKILLs that child when it does not confirm the signal within 30 ms, which
  // on a loaded machine turns a clean shutdown into exit 143. `--import tsx` has no relay.
  const entry = options.built ? webScriptArgs() : ['--import', 'tsx', 'electron/web/cli.ts']
  const child = spawn(process.execPath, [...entry, '--data-dir', dataDir, '--port', String(port), '--no-notifications'], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (log += chunk))

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined
  void exited.then((result) => (exit = result))

  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`Browser mode did not print its ready line within ${timeoutMs} ms. Output:\n${log}`))
    }, timeoutMs)
    const lines = createInterface({ input: child.stdout })
    lines.on('line', (line) => {
      log += `${line}\n`
      const ready = line.trim().match(READY_LINE)
      if (ready) {
        clearTimeout(timer)
        resolve(ready[1])
      }
    })
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    void exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(new Error(`Browser mode exited before it was ready (code ${code}, signal ${signal}). Output:\n${log}`))
    })
  })

  let url: string, parsed: URL, token: string | null
  try {
    url = await ready
    parsed = new URL(url)
    token = parsed.searchParams.get('token')
    if (!token) throw new Error(`The printed URL carries no access token: ${url}`)
  } catch (error) {
    // Never leave a half-started server behind.
    if (!exit) child.kill('SIGKILL')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))])
    throw error
  }

  let stopping: Promise<void> | undefined
  const stop = () =>
    (stopping ??= (async () => {
      if (!exit) child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      const { code, signal } = await exited
      clearTimeout(timer)
      if (code !== 0) throw new Error(`Browser mode exited with code ${code} (signal ${signal}) on SIGTERM. Output:\n${log}`)
    })())

  return { url, origin: parsed.origin, port: Number(parsed.port), token, output: () => log, stop }
}
