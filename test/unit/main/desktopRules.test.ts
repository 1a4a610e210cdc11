import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { emptyData } from '../../../electron/core/schema'
import { APP_INDEX_URL, fileForRequest, isAppUrl } from '../../../electron/main/appUrl'
import { describeUnsaved, saveBeforeQuit, type QuitSaveSteps } from '../../../electron/main/quitSave'
import { hasStatusArea, STATUS_NOTIFIER_WATCHER } from '../../../electron/main/statusArea'
import { firstTime, trayNote } from '../../../electron/main/trayNote'
import { makeFollowUp } from '../../fixtures/followUps'

describe('the app:// page', () => {
  const dir = '/opt/follow-through/out/renderer'

  it('maps app://follow-through paths to files inside the renderer folder', () => {
    expect(fileForRequest(APP_INDEX_URL, dir)).toBe(join(dir, 'index.html'))
    expect(fileForRequest('app://follow-through/', dir)).toBe(join(dir, 'index.html'))
    expect(fileForRequest('app://follow-through/assets/index-1.js?v=2#x', dir)).toBe(join(dir, 'assets/index-1.js'))
  })

  it('never names a file outside the folder, however the path is dressed up', () => {
    for (const url of [
      'app://follow-through/../../../etc/passwd',
      'app://follow-through/%2e%2e/%2e%2e/etc/passwd',
      'app://follow-through/assets/..%2f..%2f..%2fetc/passwd',
      'app://follow-through/assets/..%5c..%5c..%5cetc/passwd',
    ]) {
      const file = fileForRequest(url, dir)
      expect(file === null || file.startsWith(`${dir}/`), `${url} → ${file}`).toBe(true)
    }
  })

  it('refuses NUL bytes, other hosts and other schemes', () => {
    for (const url of [
      'app://follow-through/index.html%00.png',
      'app://other/index.html',
      'file:///opt/follow-through/out/renderer/index.html',
      'https://follow-through/index.html',
      '::::',
    ]) {
      expect(fileForRequest(url, dir), url).toBeNull()
    }
    expect(isAppUrl('app://follow-through.example/index.html')).toBe(false)
  })
})

describe('status area (Linux tray)', () => {
  it('asks the session bus whether a StatusNotifierWatcher is there', async () => {
    const run = vi.fn(async () => '   boolean true\n')
    expect(await hasStatusArea('linux', run)).toBe(true)
    expect(run).toHaveBeenCalledWith('dbus-send', expect.arrayContaining([`string:${STATUS_NOTIFIER_WATCHER}`, '--session']))
  })

  it('is missing when nobody owns the name, or the bus cannot be asked', async () => {
    expect(await hasStatusArea('linux', async () => '   boolean false\n')).toBe(false)
    expect(await hasStatusArea('linux', async () => Promise.reject(new Error('no bus')))).toBe(false)
  })

  it('is always there on macOS and Windows', async () => {
    const run = vi.fn(async () => '')
    expect(await hasStatusArea('darwin', run)).toBe(true)
    expect(await hasStatusArea('win32', run)).toBe(true)
    expect(run).not.toHaveBeenCalled()
  })
})

describe('the one-time tray note', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ft-note-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('is true once per profile, across starts', () => {
    expect(firstTime(join(dir, 'note'))()).toBe(true)
    expect(firstTime(join(dir, 'note'))()).toBe(false)
  })

  it('says where the app is and how to quit', () => {
    expect(trayNote('darwin')).toEqual({ title: 'Follow Through is still running in the menu bar', body: expect.stringContaining('Cmd+Q') })
    expect(trayNote('linux').body).toContain('File → Quit')
  })
})

describe('saving before quit', () => {
  const steps = (overrides: Partial<QuitSaveSteps>): QuitSaveSteps & { asked: string[] } => {
    const asked: string[] = []
    return {
      asked,
      save: async () => {},
      unsaved: async () => '1 follow-up (Send deck)',
      ask: async () => 0,
      chooseCopyPath: async () => undefined,
      writeCopy: async () => {},
      ...overrides,
    }
  }

  it('quits at once when the save works, asking nothing', async () => {
    const ask = vi.fn()
    expect(await saveBeforeQuit(steps({ ask }))).toBe('saved')
    expect(ask).not.toHaveBeenCalled()
  })

  it('offers Retry, Save a copy as… and Quit anyway, naming the error and what is not saved', async () => {
    const ask = vi.fn(async () => 2).mockResolvedValueOnce(2).mockResolvedValueOnce(0)
    const outcome = await saveBeforeQuit(steps({ save: () => Promise.reject(new Error('No space left on device')), ask }))
    expect(outcome).toBe('abandoned')
    expect(ask).toHaveBeenNthCalledWith(1, 'Follow Through could not save your changes.', expect.stringContaining('No space left on device'), ['Retry', 'Save a copy as…', 'Quit anyway'])
    expect(ask).toHaveBeenNthCalledWith(1, expect.any(String), expect.stringContaining('Not saved yet: 1 follow-up (Send deck).'), expect.any(Array))
    expect(ask).toHaveBeenNthCalledWith(2, 'Quit and lose 1 follow-up (Send deck)?', expect.any(String), ['Quit and lose them', 'Go back'])
  })

  it('asks again after a cancelled save dialog or a copy that could not be written', async () => {
    const answers = [1, 1, 0]
    const ask = vi.fn(async () => answers.shift()!)
    const chooseCopyPath = vi.fn(async (): Promise<string | undefined> => '/media/usb/copy.json').mockResolvedValueOnce(undefined)
    const writeCopy = vi.fn(async () => Promise.reject(new Error('read-only file system')))
    let saves = 0
    const save = async () => {
      if (++saves < 2) throw new Error('disk full')
    }
    expect(await saveBeforeQuit(steps({ ask, chooseCopyPath, writeCopy, save }))).toBe('saved')
    expect(ask).toHaveBeenLastCalledWith(expect.any(String), expect.stringContaining('could not be written to /media/usb/copy.json: read-only file system'), expect.any(Array))
  })

  it('names the follow-ups, contacts and settings that differ from the saved data', () => {
    const saved = emptyData()
    const current = { ...saved, followUps: [makeFollowUp(1), makeFollowUp(2)], settings: { ...saved.settings, leadTimeMinutes: 30 } }
    expect(describeUnsaved(saved, current)).toBe(`2 follow-ups (${makeFollowUp(1).title}, ${makeFollowUp(2).title}), your settings`)
    expect(describeUnsaved(current, { ...current, followUps: [] })).toBe('2 follow-ups (2 deleted)')
    expect(describeUnsaved(saved, saved)).toBe('changes made since the last save')
  })
})

describe('the log', () => {
  it('keeps tokens, passwords and URL credentials out of what it writes', async () => {
    const { redactSecrets } = await import('../../../electron/service/log')
    expect(redactSecrets('Follow Through web: http://127.0.0.1:4321/?token=abc123def')).toBe('Follow Through web: http://127.0.0.1:4321/?token=[redacted]')
    expect(redactSecrets('GET /events?x=1&token=s3cr3t HTTP/1.1')).toBe('GET /events?x=1&token=[redacted] HTTP/1.1')
    expect(redactSecrets('{"username":"jen","password":"hunter2"}')).toBe('{"username":"jen","password":"[redacted]"}')
    expect(redactSecrets('Authorization: Bearer eyJhbGciOi')).toBe('Authorization: [redacted]')
    expect(redactSecrets('PROPFIND https://jen:hunter2@dav.example.com/cal/')).toBe('PROPFIND https://jen:[redacted]@dav.example.com/cal/')
    expect(redactSecrets('Saved 3 follow-ups')).toBe('Saved 3 follow-ups')
  })

  it('writes the console to a file without the token, and prints exactly as before', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ft-log-'))
    const printed = vi.spyOn(console, 'log').mockImplementation(() => {})
    const { startFileLog } = await import('../../../electron/service/log')
    const { file } = startFileLog(join(dir, 'follow-through.log'))
    console.log('Follow Through web: http://127.0.0.1:4321/?token=abc123def')
    console.error('Follow Through: notification failed', new Error('notify-send exited 1'))
    expect(printed).toHaveBeenCalledWith('Follow Through web: http://127.0.0.1:4321/?token=abc123def')
    await vi.waitFor(async () => expect(await readFile(file, 'utf8')).toContain('notify-send exited 1'))
    const text = await readFile(file, 'utf8')
    expect(text).toContain('?token=[redacted]')
    expect(text).not.toContain('abc123def')
    printed.mockRestore()
    await rm(dir, { recursive: true, force: true })
  })
})
