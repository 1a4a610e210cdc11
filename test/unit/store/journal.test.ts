import { appendFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, test, vi } from 'vitest'
import { decodeDataFile } from '../../../electron/store/decode'
import { COMPACTING_JOURNAL_FILE_NAME, JOURNAL_FILE_NAME } from '../../../electron/store/journal'
import { crashCopy, dataFile, listDir, sampleData, useTempDirs, watchedFs, writeData } from './helpers'

const { tempDir, openStore } = useTempDirs()

/** A folder with a data file and `changes` acknowledged changes in its journal, as a crash leaves it (no lock). */
async function crashedWithJournal(changes: number): Promise<string> {
  const dir = await tempDir()
  await writeData(dir, sampleData('at start', 1))
  const store = await openStore({ dataDir: dir })
  for (let i = 0; i < changes; i++) await store.update(sampleData(`change ${i}`, 1 + i))
  return crashCopy(dir, await tempDir())
}

const onDisk = async (dir: string) => decodeDataFile(await readFile(dataFile(dir), 'utf8'))

describe('the change journal after a crash', () => {
  test('is replayed at open: every acknowledged change is back', async () => {
    const dir = await crashedWithJournal(4)
    // The data file itself still holds the state from before the changes.
    expect(await onDisk(dir)).toEqual({ ok: true, data: sampleData('at start', 1) })

    const store = await openStore({ dataDir: dir })

    expect(store.data).toEqual(sampleData('change 3', 4))
    expect(store.notices).toEqual([])
  })

  test('the calendar sync state is replayed too: pending links, flags and the sync token survive a crash', async () => {
    const dir = await tempDir()
    const start = sampleData('at start', 2)
    await writeData(dir, start)
    const store = await openStore({ dataDir: dir })
    const sync = {
      enabled: true,
      serverUrl: 'https://dav.example/',
      username: 'ana',
      collectionUrl: 'https://dav.example/ana/tasks/',
      syncToken: 'token-7',
      items: {
        [start.followUps[0].id]: {
          uid: 'uid-0',
          href: 'https://dav.example/ana/tasks/uid-0.ics',
          etag: '"e1"',
          sequence: 2,
          fingerprint: 'f0',
          base: { dueAt: start.followUps[0].dueAt, allDay: false, targetAt: start.followUps[0].targetAt, completed: false },
        },
      },
      flags: [{ id: start.followUps[1].id, kind: 'deletedInCalendar' as const, at: '2026-11-20T10:00:00.000Z' }],
      unlinked: [],
    }
    await store.update({ ...store.data, sync })
    const crashed = await crashCopy(dir, await tempDir())

    const reopened = await openStore({ dataDir: crashed })

    expect(reopened.data.sync).toEqual(sync)
    expect(reopened.data.followUps).toEqual(start.followUps)
  })

  test('turning calendar sync off (its state dropped) is replayed too', async () => {
    const dir = await tempDir()
    await writeData(dir, { ...sampleData('at start', 1), sync: { enabled: true, serverUrl: 'https://dav.example/', username: 'ana', items: {}, flags: [], unlinked: [] } })
    const store = await openStore({ dataDir: dir })
    const { sync: _dropped, ...withoutSync } = store.data
    await store.update(withoutSync)
    const crashed = await crashCopy(dir, await tempDir())

    const reopened = await openStore({ dataDir: crashed })

    expect(reopened.data.sync).toBeUndefined()
  })

  test('a torn last line (the append a crash cut short, never acknowledged) is ignored and cut off', async () => {
    const dir = await crashedWithJournal(3)
    await appendFile(join(dir, JOURNAL_FILE_NAME), '1a2b3c4d {"v":6,"changes":[{"followUps":{"put":[{"id":')

    const store = await openStore({ dataDir: dir })
    expect(store.data).toEqual(sampleData('change 2', 3))
    expect(store.notices).toEqual([])

    // The next append starts a line of its own, so it is read back after the next crash too.
    await store.update(sampleData('after the crash', 2))
    const again = await openStore({ dataDir: await crashCopy(dir, await tempDir()) })
    expect(again.data).toEqual(sampleData('after the crash', 2))
  })

  test('the cut is fsynced before the next change is appended, so a torn line never comes back to split it', async () => {
    const dir = await crashedWithJournal(2)
    await appendFile(join(dir, JOURNAL_FILE_NAME), '1a2b3c4d {"v":6,"chan')
    const { fs, log } = watchedFs()

    const store = await openStore({ dataDir: dir, fs })
    await store.update(sampleData('after the crash', 1))

    const journal = log.filter((entry) => entry.endsWith(` ${JOURNAL_FILE_NAME}`))
    expect(journal.slice(0, 3)).toEqual([`truncate ${JOURNAL_FILE_NAME}`, `sync ${JOURNAL_FILE_NAME}`, `write ${JOURNAL_FILE_NAME}`])
    await store.close()
  })

  test('a last line whose checksum does not match is ignored', async () => {
    const dir = await crashedWithJournal(2)
    const path = join(dir, JOURNAL_FILE_NAME)
    const lines = (await readFile(path, 'utf8')).split('\n')
    lines[1] = lines[1].replace('change 1', 'chaNge 1')
    await writeFile(path, lines.join('\n'))

    const store = await openStore({ dataDir: dir })

    expect(store.data).toEqual(sampleData('change 0', 1))
    expect(store.notices).toEqual([])
  })

  test('a damaged line inside the journal: the changes before it are restored, the journal is kept, and a notice says so', async () => {
    const dir = await crashedWithJournal(4)
    const path = join(dir, JOURNAL_FILE_NAME)
    const original = await readFile(path, 'utf8')
    const lines = original.split('\n')
    lines[2] = lines[2].replace('change 2', 'chaNge 2')
    await writeFile(path, lines.join('\n'))

    const store = await openStore({ dataDir: dir, now: () => new Date(2025, 2, 10, 14, 30, 5) })

    expect(store.data).toEqual(sampleData('change 1', 2))
    expect(store.notices).toHaveLength(1)
    expect(store.notices[0]).toMatch(/could not be read.*kept as follow-through\.journal\.unreadable-20250310T143005/)
    expect(await readFile(join(dir, 'follow-through.journal.unreadable-20250310T143005'), 'utf8')).toBe(lines.join('\n'))
    // What was restored is in the data file now, and the journal starts afresh.
    expect(await onDisk(dir)).toEqual({ ok: true, data: sampleData('change 1', 2) })
    expect(await listDir(dir)).not.toContain(JOURNAL_FILE_NAME)
  })
})

describe('a crash while the journal is folded into the data file', () => {
  /** A store whose folding-in fails (the new data file cannot be renamed into place) after one change. */
  async function storeWhoseFoldingFails(dir: string) {
    await writeData(dir, sampleData('at start', 1))
    const { fs, fail, log } = watchedFs()
    const store = await openStore({ dataDir: dir, fs, compactAfterBytes: 1 })
    const heard: Array<Error | null> = []
    store.onWriteError((error) => heard.push(error))
    fail.when = (op, path) => op === 'rename' && path.endsWith('follow-through.json')
    await store.update(sampleData('first', 2))
    await vi.waitFor(() => expect(heard).toHaveLength(1))
    return { store, heard, fail, log }
  }

  test('before the new data file is in place: both journals are replayed over the old file', async () => {
    const dir = await tempDir()
    const { store, heard, fail } = await storeWhoseFoldingFails(dir)
    // Saves go on into the fresh journal; folding in keeps failing.
    await store.update(sampleData('second', 3))
    // The save itself clears the error (a null is heard); the second failed folding-in is what to wait for.
    await vi.waitFor(() => expect(heard.filter((error) => error !== null)).toHaveLength(2))
    const crashed = await crashCopy(dir, await tempDir())
    fail.when = null

    expect(await listDir(crashed)).toEqual(expect.arrayContaining([COMPACTING_JOURNAL_FILE_NAME]))
    expect((await openStore({ dataDir: crashed })).data).toEqual(sampleData('second', 3))
    // The running store folds everything in at close and leaves the data file alone.
    await store.close()
    expect(await onDisk(dir)).toEqual({ ok: true, data: sampleData('second', 3) })
    expect((await listDir(dir)).filter((name) => name.includes('journal'))).toEqual([])
  })

  test('when folding in failed before, the fresh journal’s lines are fsynced into the unfinished one before the fresh one goes', async () => {
    const { store, heard, fail, log } = await storeWhoseFoldingFails(await tempDir())
    log.length = 0

    await store.update(sampleData('second', 3))
    await vi.waitFor(() => expect(heard.filter((error) => error !== null)).toHaveLength(2))
    fail.when = null

    const moved = log.filter((entry) => entry.endsWith(` ${COMPACTING_JOURNAL_FILE_NAME}`))
    // Cut to its last whole line first, so the moved lines start a line of their own.
    expect(moved).toEqual([`truncate ${COMPACTING_JOURNAL_FILE_NAME}`, `write ${COMPACTING_JOURNAL_FILE_NAME}`, `sync ${COMPACTING_JOURNAL_FILE_NAME}`])
    await store.close()
  })

  test('after the new data file is in place but before the journals are gone: replaying them over it changes nothing', async () => {
    const dir = await tempDir()
    await writeData(dir, sampleData('at start', 1))
    const { fs, fail } = watchedFs()
    const store = await openStore({ dataDir: dir, fs })
    for (let i = 0; i < 3; i++) await store.update(sampleData(`change ${i}`, 4 - i))
    fail.when = (op, path) => op === 'rm' && path.endsWith(JOURNAL_FILE_NAME)

    await expect(store.compact()).rejects.toThrow()
    const crashed = await crashCopy(dir, await tempDir())

    expect(await onDisk(crashed)).toEqual({ ok: true, data: sampleData('change 2', 2) })
    expect(await listDir(crashed)).toContain(JOURNAL_FILE_NAME)
    expect((await openStore({ dataDir: crashed })).data).toEqual(sampleData('change 2', 2))
    fail.when = null
  })

  test('the next run folds the unfinished journal in together with its own', async () => {
    const dir = await tempDir()
    await writeData(dir, sampleData('at start', 1))
    const { fs, fail } = watchedFs()
    const first = await openStore({ dataDir: dir, fs, compactAfterBytes: 1 })
    const heard: Array<Error | null> = []
    first.onWriteError((error) => heard.push(error))
    fail.when = (op, path) => op === 'rename' && path.endsWith('follow-through.json')
    await first.update(sampleData('first run', 2))
    await vi.waitFor(() => expect(heard).toHaveLength(1))
    const crashed = await crashCopy(dir, await tempDir())
    fail.when = null

    const second = await openStore({ dataDir: crashed, compactAfterBytes: 1 })
    expect(second.data).toEqual(sampleData('first run', 2))
    await second.update(sampleData('second run', 3))
    await vi.waitFor(async () => expect(await listDir(crashed)).not.toContain(COMPACTING_JOURNAL_FILE_NAME))

    expect(await onDisk(crashed)).toEqual({ ok: true, data: sampleData('second run', 3) })
    expect((await openStore({ dataDir: await crashCopy(crashed, await tempDir()) })).data).toEqual(sampleData('second run', 3))
  })
})
