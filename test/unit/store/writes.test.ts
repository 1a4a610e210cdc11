import { once } from 'node:events'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { describe, expect, test, vi } from 'vitest'
import { DomainError } from '../../../electron/core/errors'
import { decodeDataFile } from '../../../electron/store/decode'
import { backupsDir, dataFile, listDir, sampleData, useTempDirs, writeData } from './helpers'

/** Counts the store's disk writes, and announces each finished one, without changing them. */
const writes = vi.hoisted(() => ({ count: 0, done: new EventTarget() }))
vi.mock('../../../electron/store/durableWrite', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../electron/store/durableWrite')>()
  return {
    ...original,
    writeFileDurably: async (file: string, text: string) => {
      writes.count++
      await original.writeFileDurably(file, text)
      writes.done.dispatchEvent(new Event('written'))
    },
  }
})

const { tempDir, openStore } = useTempDirs()

async function onDisk(dir: string) {
  return decodeDataFile(await readFile(dataFile(dir), 'utf8'))
}

describe('coalesced writes', () => {
  test('a burst of changes followed by flush() is saved as one write holding the final data', async () => {
    const dir = await tempDir()
    const store = await openStore({ dataDir: dir, writeDelayMs: 60_000 })
    const before = writes.count

    for (let i = 0; i < 100; i++) store.update(sampleData(`burst ${i}`))
    await store.flush()

    expect(writes.count - before).toBe(1)
    expect(await onDisk(dir)).toEqual({ ok: true, data: sampleData('burst 99') })
  })

  test('changes made while a write is under way are saved too', async () => {
    const dir = await tempDir()
    const store = await openStore({ dataDir: dir, writeDelayMs: 60_000 })
    const pending: Promise<void>[] = []
    for (let i = 0; i < 30; i++) {
      store.update(sampleData(`interleaved ${i}`))
      if (i % 7 === 0) pending.push(store.flush())
    }
    await store.flush()
    await Promise.all(pending)

    expect(await onDisk(dir)).toEqual({ ok: true, data: sampleData('interleaved 29') })
  })

  test('without flush(), a change is saved by itself shortly after', async () => {
    const dir = await tempDir()
    const store = await openStore({ dataDir: dir, writeDelayMs: 20 })
    const written = once(writes.done, 'written')

    store.update(sampleData('saved by the timer'))
    await written

    expect(await onDisk(dir)).toEqual({ ok: true, data: sampleData('saved by the timer') })
  })

  test('close() saves what is pending', async () => {
    const dir = await tempDir()
    const store = await openStore({ dataDir: dir, writeDelayMs: 60_000 })
    store.update(sampleData('pending at close'))
    await store.close()
    expect(await onDisk(dir)).toEqual({ ok: true, data: sampleData('pending at close') })
  })

  test('unchanged data is not rewritten: same file, no new write, no backup', async () => {
    const dir = await tempDir()
    await writeData(dir, sampleData('as opened'))
    const store = await openStore({ dataDir: dir, writeDelayMs: 60_000 })
    const { ino, mtimeMs } = await stat(dataFile(dir))
    const before = writes.count

    await store.flush() // nothing changed at all
    store.update(structuredClone(store.data)) // a new object with the same contents
    await store.flush()
    store.update(sampleData('as opened'))
    await store.close()

    expect(writes.count).toBe(before)
    const after = await stat(dataFile(dir))
    expect(after.ino).toBe(ino)
    expect(after.mtimeMs).toBe(mtimeMs)
    expect(await listDir(dir)).toEqual(['follow-through.json'])
  })

  test('a change back and forth writes again only when the contents differ from the last save', async () => {
    const dir = await tempDir()
    const store = await openStore({ dataDir: dir, writeDelayMs: 60_000 })
    store.update(sampleData('one'))
    await store.flush()
    const { ino } = await stat(dataFile(dir))
    store.update(sampleData('two'))
    store.update(sampleData('one'))
    await store.flush()
    expect((await stat(dataFile(dir))).ino).toBe(ino)
  })
})

describe('a failed write', () => {
  test('when the file cannot be replaced: flush() rejects naming the file, the change stays in memory, and saving resumes once the cause is gone', async () => {
    const dir = await tempDir()
    const store = await openStore({ dataDir: dir, writeDelayMs: 60_000 })
    const heard: Array<Error | null> = []
    store.onWriteError((error) => heard.push(error))
    // Something the writer cannot replace - even as root - sits where the file goes.
    await mkdir(dataFile(dir))
    const change = sampleData('kept in memory')

    store.update(change)
    const failure = await store.flush().then(
      () => null,
      (error: unknown) => error,
    )

    expect(failure).toBeInstanceOf(DomainError)
    expect((failure as DomainError).code).toBe('storage')
    expect((failure as DomainError).message).toContain(dataFile(dir))
    expect(store.data).toEqual(change)
    expect(heard).toEqual([failure])
    // No half-written temporary file is left behind.
    expect(await readdir(dir)).toEqual(expect.not.arrayContaining([expect.stringMatching(/\.tmp$/)]))

    await rm(dataFile(dir), { recursive: true })
    await store.flush()

    expect(heard).toEqual([failure, null])
    expect(await onDisk(dir)).toEqual({ ok: true, data: change })
  })

  test('when the backup cannot be made: nothing is overwritten, the change is kept, and saving resumes once the cause is gone', async () => {
    const dir = await tempDir()
    const original = sampleData('on disk')
    await writeData(dir, original)
    // A file where the backups folder goes.
    await writeFile(backupsDir(dir), 'in the way')
    const store = await openStore({ dataDir: dir, writeDelayMs: 60_000 })
    const heard: Array<Error | null> = []
    store.onWriteError((error) => heard.push(error))
    const change = sampleData('new')

    store.update(change)
    await expect(store.flush()).rejects.toThrow(expect.objectContaining({ code: 'storage', message: expect.stringContaining(dataFile(dir)) }))

    expect(store.data).toEqual(change)
    expect(await onDisk(dir)).toEqual({ ok: true, data: original })
    expect(heard).toHaveLength(1)
    expect(heard[0]).toBeInstanceOf(DomainError)

    // A second failure is reported again; the user keeps hearing about it until it is fixed.
    await expect(store.flush()).rejects.toThrow(DomainError)
    expect(heard).toHaveLength(2)

    await rm(backupsDir(dir))
    await store.flush()

    expect(heard.at(-1)).toBeNull()
    expect(await onDisk(dir)).toEqual({ ok: true, data: change })
    expect(decodeDataFile(await readFile(`${backupsDir(dir)}/${(await readdir(backupsDir(dir)))[0]}`, 'utf8'))).toEqual({
      ok: true,
      data: original,
    })
  })

  test('close() after a failed write rejects and keeps the lock, so nothing else writes over the unsaved change', async () => {
    const dir = await tempDir()
    const store = await openStore({ dataDir: dir, writeDelayMs: 60_000 })
    await mkdir(dataFile(dir))
    store.update(sampleData('unsaved'))

    await expect(store.close()).rejects.toThrow(DomainError)
    expect(await listDir(dir)).toContain('follow-through.lock')

    await rm(dataFile(dir), { recursive: true })
    await store.close()
    expect(await listDir(dir)).not.toContain('follow-through.lock')
    expect(await onDisk(dir)).toEqual({ ok: true, data: sampleData('unsaved') })
  })
})
