import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { BACKUPS_KEPT, backupName } from '../../../electron/store/backups'
import { decodeDataFile } from '../../../electron/store/decode'
import { backupsDir, dataFile, sampleData, useTempDirs } from './helpers'

const { tempDir, openStore } = useTempDirs()
/** Each test makes a dozen fsynced writes; a busy disk makes that slow. */
const MANY_WRITES = { timeout: 30_000 }

test(`writes over eight days keep only the newest ${BACKUPS_KEPT} days of backups, each a whole data file`, MANY_WRITES, async () => {
  const dir = await tempDir()
  let today = new Date(2025, 2, 1, 9)
  const store = await openStore({ dataDir: dir, now: () => today })
  const days = Array.from({ length: 8 }, (_, k) => new Date(2025, 2, 1 + k, 9))

  for (const [k, day] of days.entries()) {
    today = day
    // Two saves a day: the morning's and the evening's.
    store.update(sampleData(`day ${k} morning`))
    await store.compact()
    today = new Date(day.getTime() + 9 * 60 * 60 * 1000)
    store.update(sampleData(`day ${k} evening`))
    await store.compact()
  }

  const names = (await readdir(backupsDir(dir))).sort()
  expect(names).toEqual(days.slice(-BACKUPS_KEPT).map(backupName))
  for (const [k, name] of names.entries()) {
    const decoded = decodeDataFile(await readFile(join(backupsDir(dir), name), 'utf8'))
    // Each day's backup holds that day's last state but one: the morning's.
    expect(decoded).toEqual({ ok: true, data: sampleData(`day ${days.length - BACKUPS_KEPT + k} morning`) })
  }
  expect(decodeDataFile(await readFile(dataFile(dir), 'utf8'))).toEqual({ ok: true, data: sampleData('day 7 evening') })
})

test('a backup holds the state that was replaced, and later writes to the data file never change it', async () => {
  const dir = await tempDir()
  const store = await openStore({ dataDir: dir, now: () => new Date(2025, 2, 1, 9) })
  store.update(sampleData('first'))
  await store.compact()
  store.update(sampleData('second'))
  await store.compact()
  const backup = join(backupsDir(dir), backupName(new Date(2025, 2, 1)))
  const before = await readFile(backup, 'utf8')

  store.update(sampleData('third'))
  await store.compact()
  // Same day: the backup moves on to the state just replaced, and never to what is being written.
  expect(decodeDataFile(before)).toEqual({ ok: true, data: sampleData('first') })
  expect(decodeDataFile(await readFile(backup, 'utf8'))).toEqual({ ok: true, data: sampleData('second') })
})

test('backups are named by the local day, so a save just after local midnight starts a new day', async () => {
  const dir = await tempDir()
  // 23:30 UTC on 1 March is already 00:30 on 2 March in Berlin.
  const store = await openStore({ dataDir: dir, now: () => new Date(Date.UTC(2025, 2, 1, 23, 30)) })
  store.update(sampleData('first'))
  await store.compact()
  store.update(sampleData('second'))
  await store.compact()
  expect(await readdir(backupsDir(dir))).toEqual(['follow-through.backup-2025-03-02.json'])
})

test('backups survive a clock set back: the new one is kept, and none dated after today is deleted as old', MANY_WRITES, async () => {
  const dir = await tempDir()
  let today = new Date(2025, 2, 20, 9)
  const store = await openStore({ dataDir: dir, now: () => today })
  const ahead = Array.from({ length: BACKUPS_KEPT }, (_, k) => new Date(2025, 2, 16 + k, 9))
  for (const [k, day] of ahead.entries()) {
    today = day
    await store.update(sampleData(`ahead ${k}`))
    await store.compact()
  }

  // The clock goes back ten days; saving goes on.
  today = new Date(2025, 2, 6, 9)
  await store.update(sampleData('after the clock went back'))
  await store.compact()
  await store.update(sampleData('and again'))
  await store.compact()

  const names = (await readdir(backupsDir(dir))).sort()
  expect(names).toEqual([backupName(today), ...ahead.map(backupName)])
  expect(decodeDataFile(await readFile(join(backupsDir(dir), backupName(today)), 'utf8'))).toEqual({ ok: true, data: sampleData('after the clock went back') })
})
