import { copyFile, readFile, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { DomainError } from '../../../electron/core/errors'
import { CURRENT_SCHEMA_VERSION, DEFAULT_SETTINGS, emptyData } from '../../../electron/core/schema'
import { backupName } from '../../../electron/store/backups'
import { decodeDataFile } from '../../../electron/store/decode'
import { LOCK_FILE_NAME } from '../../../electron/store/lock'
import { Store } from '../../../electron/store/store'
import { backupsDir, dataFile, exists, listDir, readJson, sampleData, useTempDirs, writeData } from './helpers'

const { tempDir, openStore } = useTempDirs()

/** A fixed local clock: 10 March 2025, 14:30:05 in the test's zone (Europe/Berlin). */
const NOW = new Date(2025, 2, 10, 14, 30, 5)
const now = () => NOW
const ASIDE_NAME = 'follow-through.corrupt-20250310T143005.json'

const valid = JSON.stringify(sampleData('cut in half', 6))
const DAMAGED: Array<[string, string]> = [
  ['an empty file', ''],
  ['a file of blanks', '  \n'],
  ['a truncated file (valid JSON cut in half)', valid.slice(0, Math.floor(valid.length / 2))],
  ['a file that is not JSON', 'Follow Through data, honest!\n'],
  [
    'a schema-invalid file',
    JSON.stringify({
      ...sampleData('bad email', 2),
      followUps: sampleData('bad email', 2).followUps.map((f) => ({ ...f, client: { ...f.client, email: 'not an email' } })),
    }),
  ],
  ['JSON that is not an object', '[1, 2, 3]'],
  ['a file without a schemaVersion', JSON.stringify({ followUps: [] })],
]

async function writeBackup(dir: string, day: Date, text: string): Promise<string> {
  await mkdir(backupsDir(dir), { recursive: true })
  const path = join(backupsDir(dir), backupName(day))
  await writeFile(path, text)
  return path
}

describe('a damaged data file', () => {
  describe.each(DAMAGED)('%s', (_label, damaged) => {
    test('with a valid backup: the backup is restored and the damaged file is kept aside untouched', async () => {
      const dir = await tempDir()
      await writeFile(dataFile(dir), damaged)
      const backup = sampleData('from the backup')
      const backupText = JSON.stringify(backup)
      await writeBackup(dir, new Date(2025, 2, 9, 12), backupText)

      const store = await openStore({ dataDir: dir, now })

      expect(store.readOnly).toBe(false)
      expect(store.data).toEqual(backup)
      expect(await readFile(dataFile(dir), 'utf8')).toBe(backupText)
      // The damaged bytes are kept, byte for byte, under a name that says what they are.
      expect(await readFile(join(dir, ASIDE_NAME))).toEqual(Buffer.from(damaged))
      expect(store.notices).toHaveLength(1)
      expect(store.notices[0]).toContain('damaged')
      expect(store.notices[0]).toContain(ASIDE_NAME)
      expect(store.notices[0]).toContain('2025-03-09')
    })

    test('without a valid backup: opening refuses, names the file, and leaves it exactly as it was', async () => {
      const dir = await tempDir()
      await writeFile(dataFile(dir), damaged)
      // A backup that is itself damaged does not count.
      await writeBackup(dir, new Date(2025, 2, 9, 12), `{"schemaVersion": ${CURRENT_SCHEMA_VERSION}, "followUps": [`)
      const before = await listDir(dir)

      const opening = Store.open({ dataDir: dir, app: 'unit test', now })

      await expect(opening).rejects.toThrow(DomainError)
      await expect(opening).rejects.toThrow(dataFile(dir))
      expect(await readFile(dataFile(dir))).toEqual(Buffer.from(damaged))
      // Nothing moved aside, nothing written, and the folder lock released again.
      expect(await listDir(dir)).toEqual(before)
      expect(await exists(join(dir, LOCK_FILE_NAME))).toBe(false)
    })
  })

  test('the newest backup that opens is used when newer ones are damaged too', async () => {
    const dir = await tempDir()
    await writeFile(dataFile(dir), '{')
    const older = sampleData('older backup')
    await writeBackup(dir, new Date(2025, 2, 7, 12), JSON.stringify(older))
    await writeBackup(dir, new Date(2025, 2, 8, 12), '')
    await writeBackup(dir, new Date(2025, 2, 9, 12), 'garbage')

    const store = await openStore({ dataDir: dir, now })

    expect(store.data).toEqual(older)
    expect(store.notices[0]).toContain('2025-03-07')
  })

  test('a second damaged open in a later second does not overwrite the first file kept aside', async () => {
    const dir = await tempDir()
    await writeBackup(dir, new Date(2025, 2, 9, 12), JSON.stringify(sampleData('backup')))
    await writeFile(dataFile(dir), 'first damage')
    await (await Store.open({ dataDir: dir, app: 'unit test', now })).close()
    await writeFile(dataFile(dir), 'second damage')
    const store = await openStore({ dataDir: dir, app: 'unit test', now: () => new Date(NOW.getTime() + 60_000) })

    expect(store.notices[0]).toContain('follow-through.corrupt-20250310T143105.json')
    expect(await readFile(join(dir, ASIDE_NAME), 'utf8')).toBe('first damage')
    expect(await readFile(join(dir, 'follow-through.corrupt-20250310T143105.json'), 'utf8')).toBe('second damage')
  })
})

describe('a missing data file', () => {
  test('with a valid backup: the backup is restored, with a notice', async () => {
    const dir = await tempDir()
    const backup = sampleData('restored')
    const backupText = JSON.stringify(backup)
    await writeBackup(dir, new Date(2025, 2, 9, 12), backupText)

    const store = await openStore({ dataDir: dir, now })

    expect(store.data).toEqual(backup)
    expect(await readFile(dataFile(dir), 'utf8')).toBe(backupText)
    expect(store.notices).toHaveLength(1)
    expect(store.notices[0]).toContain('missing')
    expect(store.notices[0]).toContain('2025-03-09')
  })

  test('and no backups: starts empty, without a notice', async () => {
    const dir = await tempDir()

    const store = await openStore({ dataDir: dir, now })

    expect(store.data).toEqual(emptyData())
    expect(store.notices).toEqual([])
    expect(store.readOnly).toBe(false)
  })

  test('in a folder that does not exist yet: the folder is created and the first change saved', async () => {
    const dir = join(await tempDir(), 'nested', 'data')

    const store = await openStore({ dataDir: dir, now })
    const data = sampleData('first change')
    store.update(data)
    await store.flush()

    expect(decodeDataFile(await readFile(dataFile(dir), 'utf8'))).toEqual({ ok: true, data })
  })
})

describe('a file from a newer version', () => {
  test('opens read-only: changes are refused and the file is never touched', async () => {
    const dir = await tempDir()
    const newer = {
      ...sampleData('from the future'),
      schemaVersion: CURRENT_SCHEMA_VERSION + 1,
      somethingNew: { tags: ['vip'] },
    }
    const text = JSON.stringify(newer, null, 2)
    await writeFile(dataFile(dir), text)

    const store = await Store.open({ dataDir: dir, app: 'unit test', now })

    expect(store.readOnly).toBe(true)
    expect(store.data.followUps.map((f) => f.title)).toEqual(newer.followUps.map((f) => f.title))
    expect(store.notices.join(' ')).toMatch(/newer version/)
    let refusal: unknown
    try {
      store.update(sampleData('a change'))
    } catch (error) {
      refusal = error
    }
    expect(refusal).toBeInstanceOf(DomainError)
    expect((refusal as DomainError).code).toBe('read_only')
    await store.flush()
    await store.close()

    expect(await readFile(dataFile(dir), 'utf8')).toBe(text)
    expect(await exists(backupsDir(dir))).toBe(false)
  })
})

describe('a version-1 file', () => {
  const fixture = fileURLToPath(new URL('../../fixtures/follow-through.v1.json', import.meta.url))

  test('is upgraded: clients become objects, targets precede deadlines, history is filled in, the original is kept', async () => {
    const dir = await tempDir()
    await copyFile(fixture, dataFile(dir))
    const original = await readFile(fixture)

    const store = await Store.open({ dataDir: dir, app: 'unit test', now })

    expect(store.readOnly).toBe(false)
    expect(store.notices).toEqual([])
    expect(store.data.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    expect(store.data.settings).toEqual(DEFAULT_SETTINGS)
    const [proposal, demo] = store.data.followUps
    expect(proposal).toMatchObject({
      id: 'v1-proposal',
      title: 'Send the proposal',
      client: { name: 'Acme GmbH' },
      channel: 'other',
      allDay: false,
      notes: 'Pricing for 20 seats, annual billing.',
      history: [{ type: 'created', at: '2024-03-04T08:00:00.000Z' }],
      notifiedAt: {},
    })
    expect(demo).toMatchObject({
      id: 'v1-demo',
      client: { name: 'Jane Doe' },
      notes: '',
      completedAt: '2024-03-06T10:15:00.000Z',
      history: [
        { type: 'created', at: '2024-03-05T09:30:00.000Z' },
        { type: 'completed', at: '2024-03-06T10:15:00.000Z' },
      ],
    })
    for (const followUp of store.data.followUps) {
      expect(Date.parse(followUp.targetAt)).toBeLessThan(Date.parse(followUp.dueAt))
      expect(Date.parse(followUp.targetAt)).toBeGreaterThan(Date.parse(followUp.createdAt))
    }
    // The file as it was before the upgrade, byte for byte.
    expect(await readFile(join(dir, 'follow-through.before-format-1-upgrade.json'))).toEqual(original)

    store.update({ ...store.data, followUps: [...store.data.followUps, sampleData('after upgrade', 1).followUps[0]] })
    await store.close()

    const onDisk = (await readJson(dataFile(dir))) as { schemaVersion: number; followUps: unknown[] }
    expect(onDisk.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    expect(onDisk.followUps).toHaveLength(3)
    const reopened = decodeDataFile(await readFile(dataFile(dir), 'utf8'))
    expect(reopened).toMatchObject({ ok: true })
    expect(reopened).not.toHaveProperty('migratedFrom')
    expect(await readFile(join(dir, 'follow-through.before-format-1-upgrade.json'))).toEqual(original)
  })

  test('opened twice before any change, the kept original is still the version-1 file', async () => {
    const dir = await tempDir()
    await copyFile(fixture, dataFile(dir))
    await (await Store.open({ dataDir: dir, app: 'unit test', now })).close()
    const store = await openStore({ dataDir: dir, now })

    expect(store.data.followUps).toHaveLength(2)
    expect(await readFile(join(dir, 'follow-through.before-format-1-upgrade.json'))).toEqual(await readFile(fixture))
  })
})

test('a valid current file opens as it is, without notices, and an unchanged close leaves it byte for byte', async () => {
  const dir = await tempDir()
  const text = await writeData(dir, sampleData('current'))
  const store = await Store.open({ dataDir: dir, app: 'unit test', now })
  expect(store.notices).toEqual([])
  expect(store.data).toEqual(sampleData('current'))
  await store.close()
  expect(await readFile(dataFile(dir), 'utf8')).toBe(text)
})

describe('a backup written by a newer version', () => {
  const newerBackup = () => JSON.stringify({ ...sampleData('newer backup'), schemaVersion: CURRENT_SCHEMA_VERSION + 1, somethingNew: true })

  test.each([
    ['the data file is missing', null],
    ['the data file is damaged', 'not json'],
  ])('restored because %s: opens read-only, so the newer data is never rewritten without its new fields', async (_label, current) => {
    const dir = await tempDir()
    if (current !== null) await writeFile(dataFile(dir), current)
    const backupText = newerBackup()
    await writeBackup(dir, new Date(2025, 2, 9, 12), backupText)

    const store = await Store.open({ dataDir: dir, app: 'unit test', now })

    expect(store.readOnly).toBe(true)
    expect(store.data.followUps).toHaveLength(3)
    expect(() => store.update(emptyData())).toThrow(expect.objectContaining({ code: 'read_only' }))
    await store.close()
    expect(await readFile(dataFile(dir), 'utf8')).toBe(backupText)
  })
})

test('temp files left by a writer killed mid-write are removed at open, and nothing else is', async () => {
  const dir = await tempDir()
  const text = await writeData(dir, sampleData('current'))
  await writeFile(join(dir, '.follow-through.json.4242.0123456789ab.tmp'), text.slice(0, 100))
  await writeFile(join(dir, '.follow-through.json.77.fedcba987654.tmp'), '')
  await writeFile(join(dir, 'notes.tmp'), 'mine')
  await writeFile(join(dir, '.other.json.4242.0123456789ab.tmp'), 'not ours')

  const store = await openStore({ dataDir: dir, now })

  expect(store.data).toEqual(sampleData('current'))
  expect(await listDir(dir)).toEqual(['.other.json.4242.0123456789ab.tmp', 'follow-through.json', 'follow-through.lock', 'notes.tmp'])
})
