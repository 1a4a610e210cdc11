import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFile, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { DomainError } from '../../../electron/core/errors'
import { LOCK_FILE_NAME } from '../../../electron/store/lock'
import { Store } from '../../../electron/store/store'
import { exists, sampleData, useTempDirs, writeData } from './helpers'

const { tempDir, openStore } = useTempDirs()

/** A process id that belonged to a process which has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await once(child, 'exit')
  return child.pid!
}

describe('one app per data folder', () => {
  test('a second open of the same folder is refused while the first is open, and succeeds after it closes', async () => {
    const dir = await tempDir()
    await writeData(dir, sampleData('shared'))
    const first = await Store.open({ dataDir: dir, app: 'desktop app' })

    const second = Store.open({ dataDir: dir, app: 'browser mode' })
    await expect(second).rejects.toThrow(DomainError)
    await expect(second).rejects.toThrow(/already open with this data folder \(desktop app, process \d+\)/)

    await first.close()
    expect(await exists(join(dir, LOCK_FILE_NAME))).toBe(false)
    const reopened = await openStore({ dataDir: dir, app: 'browser mode' })
    expect(reopened.data).toEqual(sampleData('shared'))
  })

  test('a refused second open leaves the first one working and holding the lock', async () => {
    const dir = await tempDir()
    const first = await openStore({ dataDir: dir, app: 'desktop app' })
    await expect(Store.open({ dataDir: dir, app: 'browser mode' })).rejects.toThrow(/already open/)

    first.update(sampleData('still saving'))
    await first.flush()
    const owner = JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8'))
    expect(owner).toMatchObject({ pid: process.pid, app: 'desktop app' })
  })

  test('a lock left by a process that no longer runs is taken over', async () => {
    const dir = await tempDir()
    const pid = await deadPid()
    await writeFile(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid, host: hostname(), app: 'desktop app', since: '2025-03-01T08:00:00.000Z' }))
    await writeData(dir, sampleData('after a crash'))

    const store = await openStore({ dataDir: dir })

    expect(store.data).toEqual(sampleData('after a crash'))
    const owner = JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8'))
    expect(owner).toMatchObject({ pid: process.pid, app: 'unit test' })
  })

  test('an empty lock file (its owner died before filling it in) is taken over', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, LOCK_FILE_NAME), '')

    const store = await openStore({ dataDir: dir })

    expect(store.readOnly).toBe(false)
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: process.pid })
  })

  test('a lock held by another running process is respected', async () => {
    const dir = await tempDir()
    const lock = JSON.stringify({ pid: process.ppid, host: hostname(), app: 'browser mode', since: '2025-03-01T08:00:00.000Z' })
    await writeFile(join(dir, LOCK_FILE_NAME), lock)

    await expect(Store.open({ dataDir: dir, app: 'desktop app' })).rejects.toThrow(`browser mode, process ${process.ppid}`)
    expect(await readFile(join(dir, LOCK_FILE_NAME), 'utf8')).toBe(lock)
  })
})
