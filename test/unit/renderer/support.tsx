import { cleanup, configure } from '@testing-library/react'
import { afterEach, vi, type Mock } from 'vitest'
import type { AppError, BoardSnapshot, Bridge, Card, Column, Result, ShellCommand } from '../../../electron/contract'
import { METHOD_NAMES } from '../../../electron/contract/methods'

/**
 * Shared by the renderer component tests. Each test file mocks renderer/lib/api.ts with
 *   vi.mock('../../../renderer/lib/api', async () => (await import('./support')).apiModule())
 * and then drives `api` (the mock) through `mockApi()`.
 */

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => cleanup())
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

/** The board pushes the app subscribed to, so a test can play the service's part. */
export const boardListeners = new Set<(board: BoardSnapshot) => void>()
/** Listeners for commands from the desktop shell (a clicked notification or tray item). */
export const shellListeners = new Set<(command: ShellCommand) => void>()

export function apiModule(): { api: MockedBridge } {
  const methods = Object.fromEntries(
    METHOD_NAMES.map((method) => [method, vi.fn(async () => fail('internal', `${method} was not expected in this test`))]),
  )
  // Like both real bridges: the current board (whatever getBoard answers) first, then pushes.
  const onBoardChanged = vi.fn((listener: (board: BoardSnapshot) => void) => {
    boardListeners.add(listener)
    void Promise.resolve((methods.getBoard as () => Promise<Result<BoardSnapshot>>)()).then((result) => result?.ok && listener(result.value))
    return () => boardListeners.delete(listener)
  })
  const onShellCommand = vi.fn((listener: (command: ShellCommand) => void) => {
    shellListeners.add(listener)
    return () => shellListeners.delete(listener)
  })
  return { api: { ...methods, onBoardChanged, onShellCommand } as unknown as MockedBridge }
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

/** Plays the service pushing a new board to every subscribed view. */
export function pushBoard(board: BoardSnapshot): void {
  for (const listener of boardListeners) listener(board)
}

/** Plays the desktop shell sending a command, as when a notification is clicked. */
export function sendShellCommand(command: ShellCommand): void {
  for (const listener of shellListeners) listener(command)
}
