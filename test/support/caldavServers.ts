import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Real CalDAV servers for tests: Debian's Radicale (htpasswd login) and Xandikos
 * (no login), each on 127.0.0.1 with a temporary storage folder. `kill()` stops
 * one abruptly (a server going away mid-sync); `restart()` brings it back on the
 * same port with the same storage.
 */
export type ServerKind = 'radicale' | 'xandikos'

export interface CalDavServer {
  kind: ServerKind
  /** What a person would type as the server address. */
  baseUrl: string
  username: string
  password: string
  /** Whether a wrong password is refused (Xandikos has no login of its own). */
  checksPassword: boolean
  kill(): Promise<void>
  restart(): Promise<void>
  stop(): Promise<void>
}

export const SERVER_KINDS: ServerKind[] = ['radicale', 'xandikos']

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** Resolves once the server accepts HTTP; polls because neither server signals readiness on a channel. */
async function untilAnswering(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The CalDAV server exited (${child.exitCode}):\n${log()}`)
    try {
      await fetch(url, { method: 'OPTIONS', signal: AbortSignal.timeout(1_000) })
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  throw new Error(`The CalDAV server did not answer at ${url}:\n${log()}`)
}

function argsFor(kind: ServerKind, dir: string, port: number): [string, string[]] {
  if (kind === 'radicale') {
    return [
      'radicale',
      [
        // Debian's own configuration expects a reverse proxy (remote_user): start from none.
        '--config', '',
        '--server-hosts', `127.0.0.1:${port}`,
        '--storage-filesystem-folder', join(dir, 'collections'),
        '--auth-type', 'htpasswd',
        '--auth-htpasswd-filename', join(dir, 'users'),
        '--auth-htpasswd-encryption', 'plain',
        '--rights-type', 'owner_only',
        '--logging-level', 'warning',
      ],
    ]
  }
  return ['xandikos', ['-d', join(dir, 'store'), '-l', '127.0.0.1', '-p', String(port), '--autocreate']]
}

/** Storage in memory where there is a tmpfs: both servers flush every write to disk, which tests need not wait for. */
const scratch = existsSync('/dev/shm') ? '/dev/shm' : tmpdir()

export async function startCalDavServer(kind: ServerKind): Promise<CalDavServer> {
  const dir = await mkdtemp(join(scratch, `follow-through-${kind}-`))
  const username = kind === 'radicale' ? 'alice' : 'user'
  const password = 'correct horse'
  await writeFile(join(dir, 'users'), `${username}:${password}\n`)
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}/`
  let child: ChildProcess
  let output = ''
  const launch = async () => {
    const [command, args] = argsFor(kind, dir, port)
    child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    await untilAnswering(baseUrl, child, () => output)
  }
  const halt = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill(signal)
    await exited
  }
  await launch()
  return {
    kind,
    baseUrl,
    username,
    password,
    checksPassword: kind === 'radicale',
    kill: () => halt('SIGKILL'),
    restart: async () => {
      // Xandikos keeps each collection in git and does not clear a lock a crash left
      // behind (every write then fails with 500): clear it as whoever restarts it would.
      if (kind === 'xandikos') {
        const files = await readdir(join(dir, 'store'), { recursive: true })
        for (const lock of files.filter((file) => file.endsWith('index.lock'))) await rm(join(dir, 'store', lock), { force: true })
      }
      await launch()
    },
    stop: async () => {
      await halt('SIGTERM')
      await rm(dir, { recursive: true, force: true })
    },
  }
}
