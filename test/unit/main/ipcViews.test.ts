import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { OPEN_VIEW_CHANNEL, VIEW_CHANNEL, type Handlers, type ViewMessage } from '../../../electron/contract'
import { emptyData } from '../../../electron/core/schema'
import { registerIpc } from '../../../electron/main/ipc'
import { FollowThroughService } from '../../../electron/service/service'
import { aFollowUp } from '../../fixtures/followUps'
import { MemoryStore } from '../service/memoryStore'

const APP_PAGE = 'app://follow-through/index.html'
const RANGES = { promised: { start: 0, end: 10 }, due: { start: 0, end: 10 }, overdue: { start: 0, end: 10 }, done: { start: 0, end: 10 } }

class FakeSender extends EventEmitter {
  destroyed = false
  send = vi.fn()
  isDestroyed = () => this.destroyed
}

function setUp() {
  const store = new MemoryStore({ ...emptyData(), followUps: [aFollowUp({ id: 'f1' })] })
  const service = new FollowThroughService({ store, now: () => new Date('2026-11-23T10:00:00+01:00') })
  const registered = new Map<string, (event: unknown, input: unknown) => unknown>()
  registerIpc({ handle: (channel: string, handler: (event: unknown, input: unknown) => unknown) => registered.set(channel, handler) } as never, service.handlers as Handlers, {}, service)
  const sender = new FakeSender()
  const from = (url: string) => ({ sender, senderFrame: { url, parent: null } })
  const openView = registered.get(OPEN_VIEW_CHANNEL)!
  const sent = () => sender.send.mock.calls.map(([channel, text]) => [channel, JSON.parse(text as string) as ViewMessage] as const)
  return { service, sender, from, openView, sent }
}

describe('views over IPC', () => {
  it('sends the snapshot and each delta to the page that opened the view, as JSON text', async () => {
    const { service, from, openView, sent } = setUp()
    expect(openView(from(APP_PAGE), { viewId: 'ipc-view-1', query: {}, ranges: RANGES })).toEqual({ ok: true, value: { viewId: 'ipc-view-1' } })
    await service.handlers.update({ id: 'f1', patch: { notes: 'changed' } })
    expect(sent().map(([channel, message]) => [channel, message.type])).toEqual([
      [VIEW_CHANNEL, 'snapshot'],
      [VIEW_CHANNEL, 'delta'],
    ])
  })

  it('refuses a page that is not ours, and a malformed view', () => {
    const { from, openView, sender } = setUp()
    expect(openView(from('https://evil.example/'), { viewId: 'ipc-view-1', query: {}, ranges: RANGES })).toMatchObject({ ok: false })
    expect(openView(from(APP_PAGE), { viewId: 'ipc-view-1', query: { sql: 'x' }, ranges: RANGES })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(sender.send).not.toHaveBeenCalled()
  })

  it('closes a page’s views when the page goes away', () => {
    const { service, from, openView, sender } = setUp()
    openView(from(APP_PAGE), { viewId: 'ipc-view-1', query: {}, ranges: RANGES })
    expect(service.views.size).toBe(1)
    sender.emit('destroyed')
    expect(service.views.size).toBe(0)
  })
})
