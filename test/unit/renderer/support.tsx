import { cleanup, configure } from '@testing-library/react'
import { afterEach, vi, type Mock } from 'vitest'
import type { AppError, BoardSnapshot, Bridge, Card, Column, Result, ShellCommand } from '../../../electron/contract'
import { METHOD_NAMES } from '../../../electron/contract/methods'
import { ViewStore } from '../../../renderer/lib/viewStore'
import type { ViewEvent, ViewQuery, ViewRanges, ViewSnapshot } from '../../../electron/contract/view'

/**
 * Shared by the renderer component tests. Each test file mocks renderer/lib/api.ts with
 *   vi.mock('../../../renderer/lib/api', async () => (await import('./support')).apiModule())
 * and then drives `api` (the mock) through `mockApi()`.
 */

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup()
  openedViews.length = 0
  latestBoard = undefined
})
// findBy*/waitFor wait for what the user would see; on a loaded machine that can take
// longer than the 1 s default, and the wait ends as soon as it appears.
configure({ asyncUtilTimeout: 15_000 })
// Typing through a whole form with user-event takes seconds when the machine is busy.
vi.setConfig({ testTimeout: 30_000 })

/**
 * jsdom has no layout: every element measures 0×0, and the virtualized columns
 * would render no cards. Give a column's scroll area and each card slot the sizes
 * a browser would, so a column renders the cards in view as it does on screen.
 */
if (typeof HTMLElement !== 'undefined') {
  const size = (name: 'clientHeight' | 'clientWidth' | 'offsetHeight', measure: (element: HTMLElement) => number | undefined) => {
    const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, name) ?? Object.getOwnPropertyDescriptor(Element.prototype, name)
    Object.defineProperty(HTMLElement.prototype, name, {
      configurable: true,
      get(this: HTMLElement) {
        return measure(this) ?? original?.get?.call(this) ?? 0
      },
    })
  }
  size('clientHeight', (element) => (element.classList.contains('column__scroll') ? 900 : undefined))
  size('clientWidth', (element) => (element.classList.contains('column__scroll') ? 300 : undefined))
  size('offsetHeight', (element) => (element.classList.contains('column__slot') ? 150 : undefined))
}

type MockedBridge = { [M in keyof Bridge]: Mock<Bridge[M]> }

/** The views the app opened, as the fake service sees them. */
export interface OpenedView {
  viewId: string
  query: ViewQuery
  ranges: ViewRanges
  version: number
  listener(message: ViewEvent): void
  updates: { query?: ViewQuery; ranges?: ViewRanges }[]
  closed: boolean
}
export const openedViews: OpenedView[] = []
let latestBoard: BoardSnapshot | undefined

/**
 * The fake service's view of a whole board: every column's window holds all its cards
 * (the component tests' boards are small). The version is the view's current one.
 */
export function viewSnapshot(view: Pick<OpenedView, 'viewId' | 'version'>, board: BoardSnapshot): ViewSnapshot {
  const columns = Object.entries(board.columns) as [Column, Card[]][]
  return {
    viewId: view.viewId,
    version: view.version,
    counts: Object.fromEntries(columns.map(([column, cards]) => [column, cards.length])) as Record<Column, number>,
    windows: Object.fromEntries(columns.map(([column, cards]) => [column, { start: 0, ids: cards.map((card) => card.id) }])) as ViewSnapshot['windows'],
    cards: columns.flatMap(([, cards]) => cards),
    status: { generatedAt: board.generatedAt, readOnly: board.readOnly, notices: board.notices, away: board.away },
  }
}
/** Listeners for commands from the desktop shell (a clicked notification or tray item). */
export const shellListeners = new Set<(command: ShellCommand) => void>()

export function apiModule(): { api: MockedBridge } {
  const methods: Record<string, Mock> = Object.fromEntries(
    METHOD_NAMES.map((method) => [method, vi.fn(async () => fail('internal', `${method} was not expected in this test`))]),
  )
  // Like the bridge: a view's snapshot arrives after the open, built from whatever getBoard answers.
  const openView = vi.fn((query: ViewQuery, ranges: ViewRanges, listener: (message: ViewEvent) => void) => {
    const view: OpenedView = { viewId: `view-${openedViews.length + 1}`, query, ranges, version: 1, listener, updates: [], closed: false }
    openedViews.push(view)
    void Promise.resolve((methods.getBoard as () => Promise<Result<BoardSnapshot>>)()).then((result) => {
      if (!result?.ok) return
      latestBoard = result.value
      listener({ type: 'snapshot', snapshot: viewSnapshot(view, result.value) })
    })
    return {
      update: (change: { query?: ViewQuery; ranges?: ViewRanges }) => void view.updates.push(change),
      close: () => void (view.closed = true),
    }
  })
  // The whole follow-up for a dialog, from the latest board the fake service sent.
  methods.getFollowUp = vi.fn(async ({ id }: { id: string }) => {
    const card = latestBoard && Object.values(latestBoard.columns).flat().find((c) => c.id === id)
    return card ? ok(card) : fail('not_found', 'That follow-up no longer exists.')
  })
  // The service's client names: from the latest board it sent, or the one it would send.
  methods.listClients = vi.fn(async () => {
    const answer = latestBoard ? ok(latestBoard) : await (methods.getBoard as () => Promise<Result<BoardSnapshot> | undefined>)()
    const cards = answer?.ok ? Object.values(answer.value.columns).flat() : []
    return ok([...new Set(cards.map((card) => card.client.name))].sort())
  })
  const onShellCommand = vi.fn((listener: (command: ShellCommand) => void) => {
    shellListeners.add(listener)
    return () => shellListeners.delete(listener)
  })
  // Like browser mode: the browser's language is the system's locale.
  const systemLocale = vi.fn(() => navigator.language)
  return { api: { ...methods, openView, onShellCommand, systemLocale } as unknown as MockedBridge }
}

/** The mocked api, typed for mockResolvedValue and call assertions. */
export const mockApi = (api: Bridge) => api as unknown as MockedBridge

export const ok = <T,>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: AppError['code'], message: string, fields?: Record<string, string>): Result<never> => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
})

/** A card as the service would send it; dates default to a week ahead of 2025-03-10 10:00 Berlin time. */
export function makeCard(overrides: Partial<Card> = {}): Card {
  return {
    id: 'card-1',
    title: 'Send the proposal',
    client: { name: 'Jenny Rivera', company: 'Acme GmbH' },
    channel: 'email',
    createdAt: '2025-03-01T09:00:00.000Z',
    dueAt: '2025-03-17T15:00:00.000Z',
    allDay: false,
    targetAt: '2025-03-14T15:00:00.000Z',
    notes: '',
    history: [{ type: 'created', at: '2025-03-01T09:00:00.000Z' }],
    notifiedAt: {},
    kind: 'promise',
    checklist: [],
    column: 'promised',
    atRisk: false,
    ...overrides,
  }
}

export function makeBoard(cards: Card[], generatedAt = new Date().toISOString()): BoardSnapshot {
  const columns: Record<Column, Card[]> = { promised: [], due: [], overdue: [], done: [] }
  for (const card of cards) columns[card.column].push(card)
  return { generatedAt, columns, readOnly: false, notices: [] }
}

/** Plays the service pushing a new board to every open view: a fresh snapshot with the next version. */
export function pushBoard(board: BoardSnapshot): void {
  latestBoard = board
  for (const view of openedViews) {
    if (view.closed) continue
    view.version++
    view.listener({ type: 'snapshot', snapshot: viewSnapshot(view, board) })
  }
}

/** Plays the desktop shell sending a command, as when a notification is clicked. */
export function sendShellCommand(command: ShellCommand): void {
  for (const listener of shellListeners) listener(command)
}

/**
 * A view store showing `board`, its snapshot delivered at once: for rendering the board
 * alone. `view` plays the service afterwards (deltas through `view.listener`).
 */
export function storeOf(board: BoardSnapshot): { store: ViewStore; view: OpenedView } {
  let view!: OpenedView
  const store = new ViewStore(
    (query, ranges, listener) => {
      view = { viewId: 'view-test', query, ranges, version: 1, listener, updates: [], closed: false }
      listener({ type: 'snapshot', snapshot: viewSnapshot(view, board) })
      return { update: (change) => void view.updates.push(change), close: () => void (view.closed = true) }
    },
    {},
    { promised: { start: 0, end: 20 }, due: { start: 0, end: 20 }, overdue: { start: 0, end: 20 }, done: { start: 0, end: 20 } },
  )
  store.start()
  return { store, view }
}
