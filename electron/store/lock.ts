import { open, readFile, rm } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { DomainError } from '../core/errors'

export const LOCK_FILE_NAME = 'follow-through.lock'

interface LockOwner {
  pid: number
  host: string
  app: string
  since: string
}

export interface DataFolderLock {
  release(): Promise<void>
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockOwner
  } catch {
    return null
  }
}

/** A lock file is created empty and filled a moment later; give its owner that moment. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100))

/**
 * One writer per data folder: a lock file holding the owner's process id.
 * Hand-written rather than proper-lockfile because that library's mtime heartbeat
 * stalls while a laptop sleeps and then declares the lock compromised; a pid check
 * survives sleep and frees the lock at once after a crash (kill -9 included).
 */
export async function lockDataFolder(dataDir: string, app: string): Promise<DataFolderLock> {
  const path = join(dataDir, LOCK_FILE_NAME)
  const me: LockOwner = { pid: process.pid, host: hostname(), app, since: new Date().toISOString() }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx')
      await handle.writeFile(JSON.stringify(me))
      await handle.close()
      return { release: () => rm(path, { force: true }) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const owner = (await readOwner(path)) ?? (await settle(), await readOwner(path))
    const stale = owner === null || (owner.host === me.host && !isAlive(owner.pid))
    if (!stale) {
      throw new DomainError(
        'storage',
        `Follow Through is already open with this data folder (${owner.app}, process ${owner.pid}). ` +
          `Close it first, or if it is not running, delete ${path}.`,
      )
    }
    await rm(path, { force: true })
  }
  throw new DomainError('storage', `Could not lock the data folder. Delete ${path} if no Follow Through is running.`)
}
