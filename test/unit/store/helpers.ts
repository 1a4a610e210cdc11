import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { emptyData, type Data } from '../../../electron/core/schema'
import { BACKUP_DIR_NAME } from '../../../electron/store/backups'
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
