import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { describe, expect, test, vi } from 'vitest'
import { DomainError } from '../../../electron/core/errors'
import { decodeDataFile } from '../../../electron/store/decode'
import { JOURNAL_FILE_NAME } from '../../../electron/store/journal'
import { Store } from '../../../electron/store/store'
import { backupsDir, crashCopy, dataFile, listDir, sampleData, useTempDirs, watchedFs, writeData } from './helpers'

const { tempDir, openStore } = useTempDirs()

async function onDisk(dir: string) {
  return decodeDataFile(await readFile(dataFile(dir), 'utf8'))
}

/** What the next start would find if the process died now: the folder copied, then opened. */
async function afterCrash(dir: string): Promise<Store> {
  return openStore({ dataDir: await crashCopy(dir, await tempDir()) })
}

/** A folder holding a data file already: the first change goes to the journal, not into a new file. */
async function withDataFile(): Promise<string> {
  const dir = await tempDir()
  await writeData(dir, sampleData('at start', 1))
  return dir
}

const journalOps = (log: string[]) => log.filter((entry) => entry.endsWith(` ${JOURNAL_FILE_NAME}`))

describe('acknowledged means durable', () => {
  test('a change is acknowledged only once its journal line has been written and fsynced', async () => {
    const dir = await withDataFile()
    const { fs, log } = watchedFs()
    const store = await openStore({ dataDir: dir, fs })

    const seenAtAck = await store.update(sampleData('one change')).then(() => [...log])

    expect(journalOps(seenAtAck)).toEqual([`write ${JOURNAL_FILE_NAME}`, `datasync ${JOURNAL_FILE_NAME}`])
    expect((await afterCrash(dir)).data).toEqual(sampleData('one change'))
  })

  test('a new journal’s name is fsynced into its folder before the first change in it is acknowledged', async () => {
    const dir = await withDataFile()
    const { fs, log } = watchedFs()
    const store = await openStore({ dataDir: dir, fs })
    log.length = 0

    const seenAtAck = await store.update(sampleData('first change')).then(() => [...log])

    expect(seenAtAck).toEqual([`sync ${basename(dir)}`, `write ${JOURNAL_FILE_NAME}`, `datasync ${JOURNAL_FILE_NAME}`])
  })

  test('nothing is acknowledged while its fsync is still under way', async () => {
    const dir = await withDataFile()
    const { fs, log, hold } = watchedFs()
    const store = await openStore({ dataDir: dir, fs })
    let release!: () => void
    hold.sync = new Promise((resolve) => (release = resolve))
    let acknowledged = false

    const saved = store.update(sampleData('waiting')).then(() => (acknowledged = true))
    await vi.waitFor(() => expect(log).toContain(`write ${JOURNAL_FILE_NAME}`))

    expect(acknowledged).toBe(false)
    release()
    await saved
    expect(acknowledged).toBe(true)
  })

  test('folding the journal into the data file fsyncs the new file and its folder before the journal goes', async () => {
    const dir = await withDataFile()
    const { fs, log } = watchedFs()
    const store = await openStore({ dataDir: dir, fs })
    await store.update(sampleData('folded'))
    log.length = 0

    await store.compact()

    const temp = log.find((entry) => entry.startsWith('write .follow-through.json.'))!.slice('write '.length)
    expect(log.filter((entry) => !entry.startsWith('link') && !entry.endsWith('.checksum'))).toEqual([`write ${temp}`, `sync ${temp}`, `rename ${temp} follow-through.json`, `sync ${basename(dir)}`, `sync ${basename(dir)}`])
    expect(await listDir(dir)).not.toContain(JOURNAL_FILE_NAME)
    expect(await onDisk(dir)).toEqual({ ok: true, data: sampleData('folded') })
  })

  test('changes made in one go share one journal write (group commit), and all of them are kept', async () => {
    const dir = await withDataFile()
    const { fs, log } = watchedFs()
    const store = await openStore({ dataDir: dir, fs })

    await Promise.all(Array.from({ length: 100 }, (_, i) => store.update(sampleData(`burst ${i}`, 1 + (i % 5)))))

    expect(journalOps(log)).toEqual([`write ${JOURNAL_FILE_NAME}`, `datasync ${JOURNAL_FILE_NAME}`])
    expect((await afterCrash(dir)).data).toEqual(sampleData('burst 99', 5))
  })

  test('changes that arrive while a write is in flight share the next write', async () => {
    const dir = await withDataFile()
    const { fs, log, hold } = watchedFs()
    const store = await openStore({ dataDir: dir, fs })
    let release!: () => void
    hold.sync = new Promise((resolve) => (release = resolve))

    const first = store.update(sampleData('first'))
    await vi.waitFor(() => expect(log).toContain(`write ${JOURNAL_FILE_NAME}`))
    const later = Array.from({ length: 50 }, (_, i) => store.update(sampleData(`while in flight ${i}`)))
    release()
    hold.sync = null
    await Promise.all([first, ...later])

    expect(journalOps(log).filter((entry) => entry.startsWith('write'))).toHaveLength(2)
    expect((await afterCrash(dir)).data).toEqual(sampleData('while in flight 49'))
  })

  test('after a clean close follow-through.json alone holds everything', async () => {
    const dir = await withDataFile()
    const store = await openStore({ dataDir: dir })
    for (let i = 0; i < 5; i++) await store.update(sampleData(`change ${i}`))
    expect(await listDir(dir)).toContain(JOURNAL_FILE_NAME)

    await store.close()

    expect((await listDir(dir)).filter((name) => name.startsWith('follow-through'))).toEqual(['follow-through.json', 'follow-through.json.checksum'])
    expect(await onDisk(dir)).toEqual({ ok: true, data: sampleData('change 4') })
  })

  test('a journal past its size limit is folded into the data file in the background while saves go on', async () => {
    const dir = await withDataFile()
    const store = await openStore({ dataDir: dir, compactAfterBytes: 1 })
    for (let i = 0; i < 20; i++) await store.update(sampleData(`change ${i}`, 50))
    // The data file moved on from what it held at start without close() or compact().
    await vi.waitFor(async () => expect(await onDisk(dir)).not.toEqual({ ok: true, data: sampleData('at start', 1) }))

    // Whatever moment it stopped at, the next start has every acknowledged change.
    expect((await afterCrash(dir)).data).toEqual(sampleData('change 19', 50))
    await store.close()
    expect(await onDisk(dir)).toEqual({ ok: true, data: sampleData('change 19', 50) })
  })

  test('the same data object again writes nothing, and an unchanged close leaves the file byte for byte', async () => {
    const dir = await tempDir()
    await writeData(dir, sampleData('as opened'))
    const { fs, log } = watchedFs()
    const store = await openStore({ dataDir: dir, fs })
    const { ino, mtimeMs } = await stat(dataFile(dir))

    await store.update(store.data)
    await store.close()

    expect(log.filter((entry) => entry.startsWith('write'))).toEqual([])
    const after = await stat(dataFile(dir))
    expect([after.ino, after.mtimeMs]).toEqual([ino, mtimeMs])
    expect(await listDir(dir)).toEqual(['follow-through.json'])
  })
})

describe('a failed save', () => {
  test('when the disk refuses: the change is refused in words naming the file, stays in memory, and is saved once the cause is gone', async () => {
    const dir = await withDataFile()
    const { fs, fail } = watchedFs()
    const store = await openStore({ dataDir: dir, fs })
    const heard: Array<Error | null> = []
    store.onWriteError((error) => heard.push(error))
    fail.code = 'ENOSPC'
    fail.when = (op, path) => op === 'write' && path.endsWith(JOURNAL_FILE_NAME)
    const change = sampleData('kept in memory')

    const failure = await store.update(change).then(
      () => null,
      (error: unknown) => error,
    )

    expect(failure).toBeInstanceOf(DomainError)
    expect((failure as DomainError).code).toBe('storage')
    expect((failure as DomainError).message).toContain(dataFile(dir))
    expect((failure as DomainError).message).toMatch(/kept in memory and saving will be retried/)
    expect(store.data).toEqual(change)
    expect(heard).toEqual([failure])

    fail.when = null
    await store.flush()

    expect(heard).toEqual([failure, null])
    expect((await afterCrash(dir)).data).toEqual(change)
  })

  test('a write cut short leaves no half line in the journal for the next one to be glued to', async () => {
    const dir = await withDataFile()
    const { fs, fail } = watchedFs()
    const store = await openStore({ dataDir: dir, fs })
    await store.update(sampleData('before'))
    fail.when = (op, path) => op === 'sync' && path.endsWith(JOURNAL_FILE_NAME)
    await expect(store.update(sampleData('refused'))).rejects.toThrow(DomainError)
    fail.when = null

    await store.update(sampleData('after'))

    expect((await afterCrash(dir)).data).toEqual(sampleData('after'))
    expect((await afterCrash(dir)).notices).toEqual([])
  })

  test('when the backup cannot be made: the data file is not replaced and every acknowledged change stays in the journal', async () => {
    const dir = await tempDir()
    const original = sampleData('on disk')
    await writeData(dir, original)
    await writeFile(backupsDir(dir), 'in the way')
    const store = await openStore({ dataDir: dir })
    await store.update(sampleData('new'))

    await expect(store.compact()).rejects.toThrow(expect.objectContaining({ code: 'storage', message: expect.stringContaining(dataFile(dir)) }))

    expect(await onDisk(dir)).toEqual({ ok: true, data: original })
    expect((await afterCrash(dir)).data).toEqual(sampleData('new'))
    await rm(backupsDir(dir))
    await store.close()
    expect(await onDisk(dir)).toEqual({ ok: true, data: sampleData('new') })
  })

  test('close() after a failed save rejects and keeps the lock, so nothing else writes over the unsaved change', async () => {
    const dir = await tempDir()
    const store = await openStore({ dataDir: dir })
    await mkdir(join(dir, JOURNAL_FILE_NAME))
    await mkdir(dataFile(dir))
    store.update(sampleData('unsaved')).catch(() => {})

    await expect(store.close()).rejects.toThrow(DomainError)
    expect(await listDir(dir)).toContain('follow-through.lock')

    await rm(join(dir, JOURNAL_FILE_NAME), { recursive: true })
    await rm(dataFile(dir), { recursive: true })
    await store.close()
    expect(await listDir(dir)).not.toContain('follow-through.lock')
    expect(await onDisk(dir)).toEqual({ ok: true, data: sampleData('unsaved') })
  })
})

describe('what is written is checked first', () => {
  test('a change the app could not read back (a date after 9999) is refused before anything changes', async () => {
    const dir = await tempDir()
    const store = await openStore({ dataDir: dir })
    await store.update(sampleData('valid'))
    const broken = sampleData('valid')
    broken.followUps[1] = { ...broken.followUps[1], dueAt: '+010000-01-01T09:59:59.000Z' }

    expect(() => store.update(broken)).toThrow(expect.objectContaining({ code: 'invalid_input', message: expect.stringMatching(/dueAt/) }))

    expect(store.data).toEqual(sampleData('valid'))
    await store.close()
    expect(await onDisk(dir)).toEqual({ ok: true, data: sampleData('valid') })
  })

  test('data that would not open again is never written over the data file', async () => {
    const dir = await tempDir()
    const store = await openStore({ dataDir: dir })
    await store.update(sampleData('valid'))
    await store.compact()
    const broken = sampleData('valid')
    broken.followUps[0] = { ...broken.followUps[0], title: '' }
    // A caller that describes its change wrongly still cannot get a broken record into the file.
    await store.update(broken, { followUps: { put: [], removed: ['gone'] }, contacts: { put: [], removed: [] } })

    await expect(store.compact()).rejects.toThrow(/no longer matches its format .*followUps\.0\.title/)
    expect(await onDisk(dir)).toEqual({ ok: true, data: sampleData('valid') })
  })
})
