import { readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { decodeDataFile } from '../../../electron/store/decode'
import { LOCK_FILE_NAME } from '../../../electron/store/lock'
import { dataFile, exists, listDir, sampleData, useTempDirs, writeData } from './helpers'

const { tempDir, openStore } = useTempDirs()

const NOW = new Date(2025, 2, 10, 14, 30, 5)
const onDisk = async (dir: string) => decodeDataFile(await readFile(dataFile(dir), 'utf8'))

async function openedWithFile() {
  const dir = await tempDir()
  await writeData(dir, sampleData('at start', 1))
  const store = await openStore({ dataDir: dir, now: () => NOW })
  const notices: string[] = []
  store.onNotice((notice) => notices.push(notice))
  return { dir, store, notices }
}

describe('one writer, for real', () => {
  test('a data file changed by another program is kept as a conflict file, never overwritten, and the store says so', async () => {
    const { dir, store, notices } = await openedWithFile()
    await store.update(sampleData('ours', 2))
    const theirs = JSON.stringify(sampleData('theirs', 5))
    await writeFile(dataFile(dir), theirs)

    await store.update(sampleData('ours later', 3))

    const keptAs = 'follow-through.conflict-20250310T143005.json'
    expect(await readFile(join(dir, keptAs), 'utf8')).toBe(theirs)
    expect(notices).toEqual([expect.stringContaining(`was changed by another program; it was kept as ${keptAs}`)])
    expect(store.notices).toContain(notices[0])
    // Ours is saved whole (not as a journal on top of their file).
    expect(await onDisk(dir)).toEqual({ ok: true, data: sampleData('ours later', 3) })

    // A second change by the other program in the same second gets a name of its own.
    await writeFile(dataFile(dir), JSON.stringify(sampleData('theirs again', 1)))
    await store.update(sampleData('ours at last', 4))
    expect(await readFile(join(dir, keptAs), 'utf8')).toBe(theirs)
    expect(await readFile(join(dir, 'follow-through.conflict-20250310T143005-2.json'), 'utf8')).toBe(JSON.stringify(sampleData('theirs again', 1)))
  })

  test('a data file only touched (same bytes, new time) is no conflict', async () => {
    const { dir, store, notices } = await openedWithFile()
    await utimes(dataFile(dir), new Date(2030, 0, 1), new Date(2030, 0, 1))

    await store.update(sampleData('ours', 2))
    await store.close()

    expect(notices).toEqual([])
    expect((await listDir(dir)).filter((name) => name.includes('conflict'))).toEqual([])
    expect(await onDisk(dir)).toEqual({ ok: true, data: sampleData('ours', 2) })
  })

  test('after the data folder is deleted while running, the next save recreates the folder, the lock and the whole data file', async () => {
    const { dir, store } = await openedWithFile()
    await store.update(sampleData('before', 2))
    await rm(dir, { recursive: true, force: true })

    await store.update(sampleData('after', 3))

    expect(await exists(join(dir, LOCK_FILE_NAME))).toBe(true)
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: process.pid })
    expect(await onDisk(dir)).toEqual({ ok: true, data: sampleData('after', 3) })
    await store.close()
    expect(await exists(join(dir, LOCK_FILE_NAME))).toBe(false)
  })

  test('a lock taken over by another program stops saving, in words, and the change stays in memory', async () => {
    const { dir, store } = await openedWithFile()
    await writeFile(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: process.pid, host: 'elsewhere', app: 'another copy', since: NOW.toISOString(), token: 'x' }))

    await expect(store.update(sampleData('not saved', 2))).rejects.toThrow(/Could not save your changes .*taken over the data folder's lock/)

    expect(store.data).toEqual(sampleData('not saved', 2))
    expect(await onDisk(dir)).toEqual({ ok: true, data: sampleData('at start', 1) })
    await rm(join(dir, LOCK_FILE_NAME))
    await store.close()
  })
})
