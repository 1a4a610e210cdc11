import type { MakeDirectoryOptions, PathLike } from 'node:fs'
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile, type FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterEach } from 'vitest'
import { emptyData, type Data } from '../../../electron/core/schema'
import { BACKUP_DIR_NAME } from '../../../electron/store/backups'
import { nodeFs, type StoreFs } from '../../../electron/store/fsLayer'
import { LOCK_FILE_NAME } from '../../../electron/store/lock'
import { DATA_FILE_NAME, Store, type StoreOptions } from '../../../electron/store/store'
import { makeFollowUp } from '../../fixtures/followUps'

/**
 * A fresh temp folder per call, removed after the test; stores opened through
 * `openStore` are closed first so no lock or pending write outlives the test.
 */
export function useTempDirs(): {
  tempDir: () => Promise<string>
  openStore: (options: Partial<StoreOptions> & { dataDir: string }) => Promise<Store>
} {
  const dirs: string[] = []
  const stores: Store[] = []
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close().catch(() => {})))
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
  })
  return {
    tempDir: async () => {
      const dir = await mkdtemp(join(tmpdir(), 'follow-through-store-'))
      dirs.push(dir)
      return dir
    },
    openStore: async (options) => {
      const store = await Store.open({ app: 'unit test', ...options })
      stores.push(store)
      return store
    },
  }
}

/** Valid current data with `count` follow-ups whose titles carry `label`. */
export function sampleData(label: string, count = 3): Data {
  const data = emptyData()
  data.followUps = Array.from({ length: count }, (_, i) => ({ ...makeFollowUp(i), title: `${label} ${i}` }))
  return data
}

export const dataFile = (dir: string) => join(dir, DATA_FILE_NAME)
export const backupsDir = (dir: string) => join(dir, BACKUP_DIR_NAME)

export async function writeData(dir: string, data: Data): Promise<string> {
  const text = JSON.stringify(data)
  await writeFile(dataFile(dir), text)
  return text
}

export async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'))
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

export async function listDir(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).sort()
}

/** The folder as a crash would leave it for the next start: every file but the lock, copied to a new folder. */
export async function crashCopy(dir: string, into: string): Promise<string> {
  // A live store may remove a file while cp walks the folder (a background fold-in ends): copy it afresh then.
  for (let attempt = 1; ; attempt++) {
    try {
      await cp(dir, into, { recursive: true, filter: (source) => basename(source) !== LOCK_FILE_NAME })
      return into
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt === 5) throw error
      await rm(into, { recursive: true, force: true })
    }
  }
}

export interface WatchedFs {
  fs: StoreFs
  /** Every write, fsync, rename and link, in order: "write follow-through.journal", "datasync follow-through.journal", … */
  log: string[]
  /** Makes the next matching calls fail with an errno code until cleared. */
  fail: { when: ((op: string, path: string) => boolean) | null; code: string }
  /** While set, datasyncs (journal appends) wait for it: changes pile up behind the write in flight. */
  hold: { sync: Promise<void> | null }
}

/** The real file system, watched: what the store writes and when it fsyncs, and failures on demand. */
export function watchedFs(): WatchedFs {
  const log: string[] = []
  const fail: WatchedFs['fail'] = { when: null, code: 'EIO' }
  const hold: WatchedFs['hold'] = { sync: null }
  const check = (op: string, path: PathLike | FileHandle) => {
    const name = typeof path === 'string' ? path : String(path)
    if (fail.when?.(op, name)) throw Object.assign(new Error(`${fail.code}: simulated failure, ${op} '${name}'`), { code: fail.code })
  }
  const fs: StoreFs = {
    ...nodeFs,
    open: (async (path: string, flags?: string) => {
      check('open', path)
      const handle = await nodeFs.open(path, flags)
      const name = basename(path)
      const write = handle.write.bind(handle) as (...args: unknown[]) => Promise<unknown>
      const writeFile = handle.writeFile.bind(handle)
      const sync = handle.sync.bind(handle)
      const truncate = handle.truncate.bind(handle)
      const datasync = handle.datasync.bind(handle)
      Object.assign(handle, {
        write: async (...args: unknown[]) => {
          check('write', path)
          log.push(`write ${name}`)
          return write(...args)
        },
        writeFile: async (...args: Parameters<typeof writeFile>) => {
          check('write', path)
          log.push(`write ${name}`)
          return writeFile(...args)
        },
        truncate: async (length?: number) => {
          check('truncate', path)
          log.push(`truncate ${name}`)
          return truncate(length)
        },
        sync: async () => {
          check('sync', path)
          log.push(`sync ${name}`)
          return sync()
        },
        datasync: async () => {
          await hold.sync
          check('sync', path)
          log.push(`datasync ${name}`)
          return datasync()
        },
      })
      return handle
    }) as StoreFs['open'],
    rename: async (from, to) => {
      check('rename', to)
      log.push(`rename ${basename(String(from))} ${basename(String(to))}`)
      return nodeFs.rename(from, to)
    },
    link: async (from, to) => {
      check('link', to)
      log.push(`link ${basename(String(from))} ${basename(String(to))}`)
      return nodeFs.link(from, to)
    },
    mkdir: (async (path: PathLike, options?: MakeDirectoryOptions) => {
      check('mkdir', path)
      return nodeFs.mkdir(path, options)
    }) as StoreFs['mkdir'],
    rm: async (path, options) => {
      check('rm', path)
      return nodeFs.rm(path, options)
    },
    writeFile: async (path, ...rest) => {
      check('write', path as PathLike)
      return nodeFs.writeFile(path, ...rest)
    },
  }
  return { fs, log, fail, hold }
}
