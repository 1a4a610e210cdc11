import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ipcChannel, METHOD_NAMES, type ErrorCode, type MethodName, type Result } from '../../../electron/contract'
import { emptyData } from '../../../electron/core/schema'
import { registerIpc } from '../../../electron/main/ipc'
import { FollowThroughService } from '../../../electron/service/service'
import { DATA_FILE_NAME, Store } from '../../../electron/store/store'
import { makeFollowUp } from '../../fixtures/followUps'

/**
 * Every contract method, through the real IPC handler path (registerIpc with a
 * capturing ipcMain, a real service over a real store in a temp folder), gets
 * malformed payloads. Each call must answer with a Result value (never throw,
 * always cloneable across IPC), and a refused call must change nothing: not the
 * data in memory, not the file on disk.
 */

const RUNS_PER_METHOD = 1_000

// A Record so that a new error code fails to compile here until the test knows it.
const ERROR_CODES: Record<ErrorCode, true> = { invalid_input: true, not_found: true, read_only: true, storage: true, internal: true }

const TRUSTED_EVENT = { senderFrame: { url: 'app://follow-through/index.html', parent: null } }

type Handler = (event: unknown, input: unknown) => Promise<unknown>

let dataDir: string
let store: Store
let service: FollowThroughService
let ids: string[]
const channels = new Map<string, Handler>()

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ft-ipc-fuzz-'))
  // Seeded on disk: follow-ups from the past (overdue, done) that the API itself would not create.
  const seed = emptyData()
  seed.followUps = [makeFollowUp(1), makeFollowUp(2), makeFollowUp(3)]
  await writeFile(join(dataDir, DATA_FILE_NAME), JSON.stringify(seed))
  // A long write delay: the test flushes itself, so every write it sees is one it asked for.
  store = await Store.open({ dataDir, app: 'ipc fuzz test', writeDelayMs: 60_000 })
  service = new FollowThroughService({ store })
  registerIpc({ handle: (channel: string, handler: Handler) => channels.set(channel, handler) } as never, service.handlers, {})
  // Real follow-ups, so payloads with a known id reach the domain rules: one open and future, the seeded ones.
  const created = await service.handlers.create({ title: 'Seed', client: { name: 'Client' }, dueAt: '2040-01-10T16:00:00.000Z', channel: 'email', allDay: false, notes: '' })
  ids = [created.id, ...seed.followUps.map((f) => f.id)]
  await store.flush()
})

afterAll(async () => {
  await service?.stop()
  await rm(dataDir, { recursive: true, force: true })
})

/** A valid payload per method (with a real id where one is needed), as the base for mutations. */
function validPayload(method: MethodName, id: string): Record<string, unknown> {
  const templates: Partial<Record<MethodName, Record<string, unknown>>> = {
    getBoard: {},
    parseQuickAdd: { text: 'Call Jenny Rivera Friday 4pm about the proposal' },
    quickAdd: { text: 'Call Jenny Rivera Friday 4pm about the proposal' },
    create: { title: 'Send the proposal', client: { name: 'Jenny Rivera' }, dueAt: '2041-05-01T15:00:00.000Z' },
    update: { id, patch: { title: 'Send the revised proposal' } },
    complete: { id },
    reopen: { id },
    snooze: { id, until: '2041-05-01T09:00:00.000Z' },
    reschedule: { id, dueAt: '2041-06-01T15:00:00.000Z', allDay: false, toldClient: true },
    remove: { id },
    undoRemove: { id },
  }
  // A method added to the contract later still gets fuzzed, from an id-shaped base.
  return templates[method] ?? { id }
}

const junk = fc.oneof(
  fc.anything({ maxDepth: 2, maxKeys: 4, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }),
  fc.constantFrom(undefined, null, '', 0, -1, NaN, Infinity, true, [], {}, 'x'.repeat(100_001), '2031-05-01', 'not a date', '__proto__'),
  fc.string({ maxLength: 20 }),
)

/** Payloads that are wrong in one way or many: replaced, missing or extra fields, wrong shapes, wrong types. */
function malformed(method: MethodName): fc.Arbitrary<unknown> {
  return fc.constantFrom(...ids).chain((id) => malformedFrom(validPayload(method, id)))
}

function malformedFrom(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(base)
  const withKey = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('id')
  return fc.oneof(
    junk,
    // One field replaced by junk.
    fc.tuple(withKey, junk).map(([key, value]) => ({ ...base, [key]: value })),
    // One field missing.
    withKey.map((key) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key))),
    // An unknown extra field (schemas are strict).
    fc.tuple(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !(k in base)), junk).map(([key, value]) => ({ ...base, [key]: value })),
    // A real-looking id that does not exist, or an id of the wrong length.
    fc.string({ maxLength: 120 }).map((id) => ({ ...base, id })),
    // Nested junk where an object is expected.
    fc.tuple(withKey, fc.dictionary(fc.string({ maxLength: 6 }), junk, { maxKeys: 3 })).map(([key, value]) => ({ ...base, [key]: value })),
    // The payload wrapped or shaped as an array.
    fc.constant([base]),
  )
}

/**
 * What changes whenever the file is written: the store writes a temp file and
 * renames it over the old one, so the inode changes; size and mtime (ns) too.
 */
async function fileIdentity(file: string) {
  const info = await stat(file, { bigint: true })
  return { ino: info.ino, size: info.size, mtimeNs: info.mtimeNs, ctimeNs: info.ctimeNs }
}

const isResult = (value: unknown): value is Result<unknown> =>
  typeof value === 'object' && value !== null && 'ok' in value && typeof (value as { ok: unknown }).ok === 'boolean'

describe('IPC handlers under malformed payloads', () => {
  it('fuzzes every contract method', () => {
    expect(channels.size).toBe(METHOD_NAMES.length)
  })

  it.each([...METHOD_NAMES])(
    '%s answers every malformed payload with a Result and writes nothing when it refuses',
    async (method) => {
      const handler = channels.get(ipcChannel(method))
      if (!handler) throw new Error(`No IPC handler for ${method}`)
      const update = vi.spyOn(store, 'update')
      const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
      let refused = 0
      await store.flush()
      // The file as last written; refreshed only after an accepted call, so a refused one is compared against it.
      let fileBefore = await fileIdentity(store.file)
      try {
        await fc.assert(
          fc.asyncProperty(malformed(method), async (payload) => {
            const dataBefore = store.data
            update.mockClear()

            let result: unknown
            try {
              result = await handler(TRUSTED_EVENT, payload)
            } catch (error) {
              throw new Error(`${method} threw instead of answering: ${(error as Error).stack}`)
            }

            if (!isResult(result)) throw new Error(`${method} answered something that is not a Result: ${String(result)}`)
            // Whatever is answered must survive IPC's structured clone.
            expect(() => structuredClone(result)).not.toThrow()
            if (result.ok) {
              expect(result.value).not.toBeUndefined()
              await store.flush()
              fileBefore = await fileIdentity(store.file)
              return
            }
            refused++
            expect(Object.keys(ERROR_CODES)).toContain(result.error.code)
            // An internal error is a bug that a payload could reach: none may.
            expect(result.error.code, result.error.message).not.toBe('internal')
            expect(typeof result.error.message).toBe('string')
            expect(result.error.message.length).toBeGreaterThan(0)
            // Refused: nothing changed in memory, and nothing reaches the disk.
            expect(update).not.toHaveBeenCalled()
            expect(store.data).toBe(dataBefore)
            await store.flush()
            expect(await fileIdentity(store.file)).toEqual(fileBefore)
          }),
          { numRuns: RUNS_PER_METHOD },
        )
      } finally {
        update.mockRestore()
        consoleError.mockRestore()
      }
      // The arbitraries are meant to be malformed: most calls must be refused.
      expect(refused).toBeGreaterThan(RUNS_PER_METHOD / 2)
    },
    60_000,
  )
})
