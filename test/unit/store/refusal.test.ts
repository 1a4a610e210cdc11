import { describe, expect, test } from 'vitest'
import { Store } from '../../../electron/store/store'
import { sampleData, useTempDirs, watchedFs, writeData } from './helpers'

const { tempDir } = useTempDirs()

describe('a disk that refuses writes at start', () => {
  test.each([
    ['full', 'ENOSPC', /the disk is full\. Free some space on it, then restart Follow Through/],
    ['read-only', 'EROFS', /the disk is read-only\. Make it writable .*then restart Follow Through/],
    ['not writable for this user', 'EACCES', /not allowed to write there\. Give yourself write access/],
  ])('%s: the data opens read-only, with a message that says what to do', async (_label, code, advice) => {
    const dir = await tempDir()
    await writeData(dir, sampleData('on disk', 3))
    const { fs, fail } = watchedFs()
    fail.code = code
    fail.when = (op) => op === 'write'

    const store = await Store.open({ dataDir: dir, app: 'unit test', fs })

    expect(store.readOnly).toBe(true)
    expect(store.data).toEqual(sampleData('on disk', 3))
    expect(store.notices).toEqual([expect.stringMatching(advice)])
    expect(store.notices[0]).not.toMatch(new RegExp(code))
    expect(() => store.update(sampleData('refused'))).toThrow(expect.objectContaining({ code: 'read_only', message: expect.stringMatching(advice) }))
    await store.close()
  })

  test('an empty folder on a read-only disk opens empty and read-only rather than failing', async () => {
    const dir = await tempDir()
    const { fs, fail } = watchedFs()
    fail.code = 'EROFS'
    fail.when = (op) => op !== 'open'

    const store = await Store.open({ dataDir: `${dir}/never-created`, app: 'unit test', fs })

    expect(store.readOnly).toBe(true)
    expect(store.data.followUps).toEqual([])
  })
})
