import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { createServer as createHttpServer, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { createServer as createTcpServer, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../../electron/service/dispatch'
import { FilePasswordStore, PASSWORD_FILE_NAME } from '../../../../electron/service/sync/passwords'
import { FollowThroughService } from '../../../../electron/service/service'
import { DATA_FILE_NAME, Store } from '../../../../electron/store/store'
import { safeStoragePasswords, ENCRYPTED_PASSWORD_FILE_NAME } from '../../../../electron/main/safeStoragePasswords'

/** Test connection against servers that fail the ways real ones do; the words are the point. */
let dataDir: string
let service: FollowThroughService
const closers: (() => Promise<void>)[] = []

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ft-sync-connection-'))
  const store = await Store.open({ dataDir, app: 'test', writeDelayMs: 0 })
  service = new FollowThroughService({ store, sync: { passwords: new FilePasswordStore(dataDir), timeoutMs: 300 } })
})
afterEach(async () => {
  await service.stop()
  await Promise.all(closers.splice(0).map((close) => close()))
  await rm(dataDir, { recursive: true, force: true })
})

async function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(() => new Promise((resolve) => server.close(() => resolve())))
  return (server.address() as { port: number }).port
}

const test = (serverUrl: string) => dispatch(service.handlers, 'testSyncConnection', { serverUrl, username: 'alice', password: 'secret' })

describe('Test connection', () => {
  it('says a refused password is refused (401) and what iCloud and Fastmail need', async () => {
    const port = await listen(createHttpServer((_, res) => res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="x"' }).end()))
    const result = await test(`http://127.0.0.1:${port}/`)
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/refused the user name or password \(401\).*app password/) } })
  })

  it('says no calendar service was found at an address that only answers 404', async () => {
    const port = await listen(createHttpServer((_, res) => res.writeHead(404).end()))
    const result = await test(`http://127.0.0.1:${port}/nothing-here`)
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/No CalDAV calendar service was found .*Check the server address/) } })
  })

  it('says an untrusted certificate is why the secure connection failed', async () => {
    const key = join(dataDir, 'key.pem')
    const cert = join(dataDir, 'cert.pem')
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' })
    const server = createHttpsServer({ key: await readFile(key), cert: await readFile(cert) }, (_, res) => res.end())
    const port = await listen(server as unknown as Server)
    const result = await test(`https://127.0.0.1:${port}/`)
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/secure connection to 127\.0\.0\.1:\d+ failed: its certificate is not trusted/) } })
  })

  it('says a server that never answers did not answer in time', async () => {
    const sockets: Socket[] = []
    const server = createTcpServer((socket) => sockets.push(socket))
    closers.push(async () => sockets.forEach((socket) => socket.destroy()))
    const port = await listen(server)
    const result = await test(`http://127.0.0.1:${port}/`)
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/did not answer within 300 ms\. Check the address/) } })
  })

  it('says a server that is not running refused the connection', async () => {
    const port = await listen(createHttpServer())
    await Promise.all(closers.splice(0).map((close) => close()))
    const result = await test(`http://127.0.0.1:${port}/`)
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/refused the connection/) } })
  })
})

describe('quitting', () => {
  it('does not wait for a server that does not answer', async () => {
    const sockets: Socket[] = []
    const server = createTcpServer((socket) => sockets.push(socket))
    closers.push(async () => sockets.forEach((socket) => socket.destroy()))
    const port = await listen(server)
    await service.stop()
    const store = await Store.open({ dataDir, app: 'test', writeDelayMs: 0 })
    service = new FollowThroughService({ store, sync: { timeoutMs: 600_000 } })
    await service.handlers.saveSyncSettings({ serverUrl: `http://127.0.0.1:${port}/`, username: 'alice', password: 'secret', enabled: true, collectionUrl: `http://127.0.0.1:${port}/alice/ft/` })
    service.start()
    await new Promise<void>((resolve) => (sockets.length > 0 ? resolve() : server.once('connection', () => resolve())))
    // Resolves because the request is cut short; waiting for the server would outlive the test.
    await service.stop()
    expect(sockets.length).toBeGreaterThan(0)
  })
})

describe('the calendar password', () => {
  it('is kept in a file only its owner can read, never in the data file or an export', async () => {
    const saved = await dispatch(service.handlers, 'saveSyncSettings', { serverUrl: 'https://cloud.example.com/remote.php/dav', username: 'alice', password: 'hunter2-secret', enabled: false })
    expect(saved).toMatchObject({ ok: true, value: { hasPassword: true, passwordStorage: expect.stringContaining('0600') } })
    const file = await stat(join(dataDir, PASSWORD_FILE_NAME))
    expect(file.mode & 0o777).toBe(0o600)
    await service.stop()
    expect(await readFile(join(dataDir, DATA_FILE_NAME), 'utf8')).not.toContain('hunter2')
    const store = await Store.open({ dataDir, app: 'test', writeDelayMs: 0 })
    service = new FollowThroughService({ store, sync: { passwords: new FilePasswordStore(dataDir) } })
    const { json } = await service.handlers.exportData({})
    expect(json).toContain('cloud.example.com')
    expect(json).not.toContain('hunter2')
  })

  it('is stored encrypted by safeStorage in the desktop app, and refused where no keychain can encrypt it', async () => {
    const keychain = { isEncryptionAvailable: () => true, encryptString: (text: string) => Buffer.from(text).reverse(), decryptString: (data: Buffer) => Buffer.from(data).reverse().toString() }
    const passwords = safeStoragePasswords(keychain, dataDir)
    await passwords.write('hunter2-secret')
    expect(await readFile(join(dataDir, ENCRYPTED_PASSWORD_FILE_NAME), 'utf8')).not.toContain('hunter2')
    expect(await passwords.read()).toBe('hunter2-secret')
    const none = safeStoragePasswords({ ...keychain, isEncryptionAvailable: () => false }, dataDir)
    await expect(none.write('x')).rejects.toThrow(/no keychain/)
  })
})
