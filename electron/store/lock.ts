import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { DomainError } from '../core/errors'
import { errorCode, nodeFs, type StoreFs } from './fsLayer'

export const LOCK_FILE_NAME = 'follow-through.lock'

interface LockOwner {
  pid: number
  host: string
  app: string
  since: string
  /** Tells this holder from a later one with the same pid (pids are reused). */
  token: string
}

export interface DataFolderLock {
  /** Whether the lock file is still this one: false if another program took it over. */
  isOurs(): Promise<boolean>
  /** Puts the lock back after the folder (or the lock file alone) was deleted; refuses if someone else holds it. */
  recreate(): Promise<void>
  release(): Promise<void>
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return errorCode(error) === 'EPERM'
  }
}

async function readText(fs: StoreFs, path: string): Promise<string | null> {
  try {
    return await fs.readFile(path, 'utf8')
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null
    throw error
  }
}

function parseOwner(text: string | null): LockOwner | null {
  try {
    return text === null ? null : (JSON.parse(text) as LockOwner)
  } catch {
    return null
  }
}

/** A lock written by an older version was created empty and filled a moment later; give its owner that moment. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100))

function alreadyOpen(owner: LockOwner, path: string): DomainError {
  return new DomainError(
    'storage',
    `Follow Through is already open with this data folder (${owner.app}, process ${owner.pid}). ` +
      `Close it first, or if it is not running, delete ${path}.`,
  )
}

/**
 * Creates the lock in one step: the owner is written to a private temp file,
 * which is then hard-linked to the lock's name. link() fails if the name exists,
 * so of any number of simultaneous starts exactly one creates the lock, and the
 * lock is never seen empty.
 */
async function linkLock(fs: StoreFs, path: string, text: string): Promise<boolean> {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  await fs.writeFile(temp, text, { flag: 'wx' })
  try {
    await fs.link(temp, path)
    return true
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false
    throw error
  } finally {
    await fs.rm(temp, { force: true })
  }
}

/**
 * Removes a stale lock only if it is still the stale one seen: it is renamed to a
 * private name first (one step, so two starts cannot both remove it), then read.
 * If what was moved is not the stale lock (another start has just taken the
 * folder), it is put back at once.
 */
async function removeStale(fs: StoreFs, path: string, staleText: string | null): Promise<void> {
  const aside = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.stale`
  try {
    await fs.rename(path, aside)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return
    throw error
  }
  const moved = await readText(fs, aside)
  if (moved !== staleText) {
    await fs.link(aside, path).catch(() => {})
  }
  await fs.rm(aside, { force: true })
}

/** Removes the temp files of lock attempts whose process was killed midway (their pid is in the name). */
async function removeLeftovers(fs: StoreFs, dataDir: string): Promise<void> {
  const names = await fs.readdir(dataDir).catch(() => [] as string[])
  const leftovers = names.filter((name) => {
    const match = /^follow-through\.lock\.(\d+)\.[0-9a-f]{12}\.(tmp|stale)$/.exec(name)
    return match !== null && !isAlive(Number(match[1]))
  })
  await Promise.all(leftovers.map((name) => fs.rm(join(dataDir, name), { force: true })))
}

/**
 * One writer per data folder: a lock file holding the owner's process id.
 * Hand-written rather than proper-lockfile because that library's mtime heartbeat
 * stalls while a laptop sleeps and then declares the lock compromised; a pid check
 * survives sleep and frees the lock at once after a crash (kill -9 included).
 */
export async function lockDataFolder(dataDir: string, app: string, fs: StoreFs = nodeFs): Promise<DataFolderLock> {
  const path = join(dataDir, LOCK_FILE_NAME)
  const me: LockOwner = { pid: process.pid, host: hostname(), app, since: new Date().toISOString(), token: randomBytes(8).toString('hex') }
  const mine = JSON.stringify(me)
  const lock: DataFolderLock = {
    isOurs: async () => (await readText(fs, path)) === mine,
    recreate: async () => {
      if (await linkLock(fs, path, mine)) return
      if (!(await lock.isOurs())) throw new DomainError('storage', `Another program has taken over the data folder's lock (${path}).`)
    },
    release: async () => {
      if (await lock.isOurs().catch(() => false)) await fs.rm(path, { force: true })
    },
  }
  await removeLeftovers(fs, dataDir)
  for (let attempt = 0; attempt < 5; attempt++) {
    // Read back: the lock is ours only if the file now holds our token.
    if ((await linkLock(fs, path, mine)) && (await lock.isOurs())) return lock
    let text = await readText(fs, path)
    if (text === mine) return lock
    if (text === null) continue
    let owner = parseOwner(text)
    if (owner === null) {
      await settle()
      text = await readText(fs, path)
      owner = parseOwner(text)
    }
    const stale = owner === null || (owner.host === me.host && !isAlive(owner.pid))
    if (!stale) throw alreadyOpen(owner!, path)
    await removeStale(fs, path, text)
  }
  throw new DomainError('storage', `Could not lock the data folder. Delete ${path} if no Follow Through is running.`)
}
