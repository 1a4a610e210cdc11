import { readFile, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { CHECKSUM_FILE_SUFFIX } from '../../../electron/store/checksum'
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
