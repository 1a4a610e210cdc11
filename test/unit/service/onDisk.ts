import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dispatchByName } from '../../../electron/service/dispatch'
import { FollowThroughService, type ServiceOptions } from '../../../electron/service/service'
import { Store } from '../../../electron/store/store'
import { FakeTime } from '../../support/fakeTime'

/** A started service on a real store in a fresh folder, on a fake clock, with ids f1, f2, … (or `idPrefix`1, …). */
export async function openServiceOnDisk(
  prefix: string,
  start: Date,
  options: Omit<Partial<ServiceOptions>, 'store' | 'now' | 'timers' | 'newId'> & { idPrefix?: string; dataDir?: string; time?: FakeTime } = {},
) {
  const { idPrefix = 'f', dataDir: given, time: givenTime, ...serviceOptions } = options
  const dataDir = given ?? (await mkdtemp(join(tmpdir(), prefix)))
  const time = givenTime ?? new FakeTime(start)
  const store = await Store.open({ dataDir, app: 'test', now: time.now, writeDelayMs: 0 })
  let n = 0
  const service = new FollowThroughService({ store, now: time.now, timers: time, newId: () => `${idPrefix}${++n}`, ...serviceOptions })
  service.start()
  return { dataDir, time, store, service }
}

/** Calls a method through the contract's validation, as a page would; a refusal fails the test with its message. */
export async function callOk<T>(service: FollowThroughService, method: string, input: unknown): Promise<T> {
  const result = await dispatchByName(service.handlers, method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
  return result.value as T
}
