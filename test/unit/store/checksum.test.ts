import { readFile, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { CURRENT_SCHEMA_VERSION } from '../../../electron/core/schema'
import { CHECKSUM_FILE_SUFFIX, noteWritten, sha256 } from '../../../electron/store/checksum'
import { dataFile, sampleData, useTempDirs } from './helpers'

const { tempDir, openStore } = useTempDirs()

describe('the written-file checksum', () => {
  it('reopens what the app saved, follow-up for follow-up', async () => {
    const dir = await tempDir()
    const first = await openStore({ dataDir: dir })
    first.update(sampleData('saved', 5))
    await first.close()
    expect(await readFile(dataFile(dir) + CHECKSUM_FILE_SUFFIX, 'utf8')).toMatch(/"sha256":"[0-9a-f]{64}"/)
    const second = await openStore({ dataDir: dir })
    expect(second.data).toEqual(sampleData('saved', 5))
    expect(second.notices).toEqual([])
  })

  it('still catches a file damaged after the app wrote it', async () => {
    const dir = await tempDir()
    const first = await openStore({ dataDir: dir })
    first.update(sampleData('saved', 2))
    await first.close()
    const text = await readFile(dataFile(dir), 'utf8')
    await writeFile(dataFile(dir), text.replace('"email"', '"emial"').replace(/"name":"[^"]*"/, '"name":""'))
    await expect(openStore({ dataDir: dir })).rejects.toThrow(/cannot open .*follow-through\.json/)
  })

  it('validates a file whose checksum note is itself garbage', async () => {
    const dir = await tempDir()
    const first = await openStore({ dataDir: dir })
    first.update(sampleData('saved', 2))
    await first.close()
    await writeFile(dataFile(dir) + CHECKSUM_FILE_SUFFIX, 'not json')
    const second = await openStore({ dataDir: dir })
    expect(second.data).toEqual(sampleData('saved', 2))
  })
})

describe('the checksum note from another app version', () => {
  // A file only a full check can catch: valid JSON, an empty client name.
  const damaged = () => JSON.stringify(sampleData('saved', 2)).replace(/"name":"[^"]*"/, '"name":""')

  it('is trusted when this version wrote it (so the check is skipped)…', async () => {
    const dir = await tempDir()
    const text = damaged()
    await writeFile(dataFile(dir), text)
    await noteWritten(dataFile(dir), sha256(text), undefined, '1.0.0')
    const store = await openStore({ dataDir: dir, appVersion: '1.0.0' })
    expect(store.data.followUps[0].client.name).toBe('')
  })

  it('…and not trusted when another version wrote it: the file is checked in full', async () => {
    const dir = await tempDir()
    const text = damaged()
    await writeFile(dataFile(dir), text)
    await noteWritten(dataFile(dir), sha256(text), undefined, '0.9.0')
    await expect(openStore({ dataDir: dir, appVersion: '1.0.0' })).rejects.toThrow(/cannot open .*follow-through\.json.*client\.name/)
  })

  it('records the app version and the data format', async () => {
    const dir = await tempDir()
    const store = await openStore({ dataDir: dir, appVersion: '2.3.4' })
    await store.update(sampleData('saved', 1))
    await store.close()
    expect(JSON.parse(await readFile(dataFile(dir) + CHECKSUM_FILE_SUFFIX, 'utf8'))).toMatchObject({ appVersion: '2.3.4', schemaVersion: CURRENT_SCHEMA_VERSION })
  })
})
