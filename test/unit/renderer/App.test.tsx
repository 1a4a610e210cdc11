// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ViewQueryInput, type Card, type ViewEvent } from '../../../electron/contract'
import { App } from '../../../renderer/App'
import { openBoardView, viewAnswered } from '../../../renderer/features/board/openBoardView'
import { api as realApi } from '../../../renderer/lib/api'
import { fail, makeBoard, makeCard, mockApi, ok, openedViews, pushBoard, sendShellCommand } from './support'

vi.mock('../../../renderer/lib/api', async () => (await import('./support')).apiModule())
const api = mockApi(realApi)

const CARD = makeCard({ id: 'fu-1', title: 'Send the proposal', column: 'promised' })
const region = (name: string) => screen.getByRole('region', { name })

beforeEach(() => {
  vi.clearAllMocks()
  api.getBoard.mockResolvedValue(ok(makeBoard([CARD], '2025-03-10T09:00:00.000Z')))
})

describe('the board app', () => {
  it('shows the board the service sends, card in its column, with the column counts', async () => {
    render(<App />)
    expect(screen.getByText('Loading your follow-ups…')).toBeTruthy()
    await screen.findByRole('region', { name: 'Promised' })
    expect(within(region('Promised')).getByRole('article', { name: 'Send the proposal' })).toBeTruthy()
    expect(within(region('Promised')).getByLabelText('1 follow-up')).toBeTruthy()
    expect(within(region('Due')).getByLabelText('0 follow-ups')).toBeTruthy()
    expect(api.openView).toHaveBeenCalledTimes(1)
  })

  it('shows the view opened before the page rendered (its snapshot may already be there), without opening another', async () => {
    const board = openBoardView(api.openView, {}, 'compact')
    await vi.waitFor(() => expect(board.version).toBe(1))
    render(<App board={board} />)
    await screen.findByRole('region', { name: 'Promised' })
    expect(within(region('Promised')).getByRole('article', { name: 'Send the proposal' })).toBeTruthy()
    expect(api.openView).toHaveBeenCalledTimes(1)
  })

  it('says why the board could not be opened, instead of loading for ever', async () => {
    api.getBoard.mockResolvedValue(fail('internal', 'not this time'))
    render(<App />)
    const [view] = openedViews
    act(() => view.listener({ type: 'refused', error: { code: 'invalid_input', message: 'query.q: at most 200 characters.' } }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(/^The board could not be opened: query\.q: at most 200 characters\./)
    // A way out: no filters are set, so the page is offered again as it is.
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy()
    expect(screen.queryByText('Loading your follow-ups…')).toBeNull()
  })

  it('follows the view’s deltas, and ignores one older than what it shows', async () => {
    render(<App />)
    await screen.findByRole('article', { name: 'Send the proposal' })
    const [view] = openedViews
    const moveTo = (version: number, from: 'promised' | 'due', to: 'promised' | 'due') =>
      view.listener({
        type: 'delta',
        delta: {
          viewId: view.viewId,
          version,
          counts: { promised: to === 'promised' ? 1 : 0, due: to === 'due' ? 1 : 0, overdue: 0, done: 0 },
          splices: [
            { column: from, index: 0, deleteCount: 1, insert: [] },
            { column: to, index: 0, deleteCount: 0, insert: ['fu-1'] },
          ],
          cards: [{ ...CARD, column: to }],
        },
      })
    act(() => moveTo(2, 'promised', 'due'))
    expect(within(region('Due')).getByRole('article', { name: 'Send the proposal' })).toBeTruthy()
    // A delta that crossed on the wire must not move the card back.
    act(() => moveTo(2, 'due', 'promised'))
    expect(within(region('Due')).getByRole('article', { name: 'Send the proposal' })).toBeTruthy()
    expect(within(region('Promised')).queryByRole('article')).toBeNull()
  })

  it('filters are the view’s query, kept in the address; the board does no filtering of its own', async () => {
    const user = userEvent.setup()
    render(<App />)
    await screen.findByRole('article', { name: 'Send the proposal' })
    // The client list comes from the service when it is opened.
    const clients = screen.getByRole('combobox', { name: 'Client' })
    await user.click(clients)
    await within(clients).findByRole('option', { name: 'Jenny Rivera' })
    await user.selectOptions(clients, 'Jenny Rivera')
    expect(openedViews[0].updates.at(-1)?.query).toEqual({ client: 'Jenny Rivera' })
    expect(location.hash).toBe('#client=Jenny+Rivera')
    // Until the service answers, the card stays: the renderer does not filter.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Channel' }), 'phone')
    expect(openedViews[0].updates.at(-1)?.query).toEqual({ client: 'Jenny Rivera', channel: 'phone' })
    expect(screen.getByRole('article', { name: 'Send the proposal' })).toBeTruthy()
    history.replaceState(null, '', location.pathname)
  })

  it('the search box stops at the longest search the service takes, so a long paste still searches', async () => {
    const user = userEvent.setup()
    render(<App />)
    await screen.findByRole('article', { name: 'Send the proposal' })
    await user.click(screen.getByRole('searchbox', { name: 'Search' }))
    await user.paste('proposal '.repeat(30))
    const query = openedViews[0].updates.at(-1)?.query
    expect(query?.q).toBe('proposal '.repeat(30).slice(0, 200).trim())
    expect(ViewQueryInput.safeParse(query).success).toBe(true)
    history.replaceState(null, '', location.pathname)
  })

  it('an open dialog follows a change to its card that arrives as a delta', async () => {
    const user = userEvent.setup()
    render(<App />)
    const card = await screen.findByRole('article', { name: 'Send the proposal' })
    await user.click(within(card).getByRole('button', { name: 'Send the proposal' }))
    await screen.findByRole('dialog', { name: 'Send the proposal' })
    const [view] = openedViews
    act(() => view.listener({ type: 'delta', delta: { viewId: view.viewId, version: 2, cards: [{ ...CARD, title: 'Send the signed proposal' }] } }))
    expect(screen.getByRole('dialog', { name: 'Send the signed proposal' })).toBeTruthy()
  })

  it('? shows every keyboard shortcut; so does the header button', async () => {
    const user = userEvent.setup()
    render(<App />)
    await screen.findByRole('article', { name: 'Send the proposal' })
    await user.keyboard('?')
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' })
    for (const does of ['Mark done', 'Snooze', 'Edit', 'Open the card’s details and history', 'All actions for the card']) expect(within(sheet).getByText(does)).toBeTruthy()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    // Typing ? into Quick add is just typing.
    await user.type(screen.getByRole('textbox', { name: 'Quick add' }), '?')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('density follows the setting from the first layout, and the header switches it', async () => {
    const user = userEvent.setup()
    let answerSettings = () => {}
    api.getSettings.mockReturnValue(new Promise((resolve) => (answerSettings = () => resolve(ok({ density: 'comfortable' } as never)))))
    api.updateSettings.mockResolvedValue(ok({ density: 'compact' } as never))
    const board = openBoardView(api.openView, {}, 'compact')
    await vi.waitFor(() => expect(board.version).toBe(1))
    render(<App board={board} />)
    // The cards are there, but the density is not read yet: no card is laid out in a density that may be wrong.
    expect(screen.queryByRole('article', { name: 'Send the proposal' })).toBeNull()
    act(answerSettings)
    const article = await screen.findByRole('article', { name: 'Send the proposal' })
    // Never laid out compact first: the card shows its details the moment it is there.
    expect(within(article).getByText(/my target/)).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Compact' }))
    expect(api.updateSettings).toHaveBeenCalledWith({ density: 'compact' })
    expect(within(screen.getByRole('article', { name: 'Send the proposal' })).queryByText(/my target/)).toBeNull()
    expect(screen.getByRole('button', { name: 'Compact' }).getAttribute('aria-pressed')).toBe('true')
  })

  it('with the density boot.ts read before rendering, the cards are in the very first render, in that density', async () => {
    api.getSettings.mockReturnValueOnce(new Promise(() => {}))
    const board = openBoardView(api.openView, {}, 'comfortable')
    await viewAnswered(board, 60_000)
    render(<App board={board} settings={api.getSettings({})} density="comfortable" />)
    const article = screen.getByRole('article', { name: 'Send the proposal' })
    expect(within(article).getByText(/my target/)).toBeTruthy()
  })

  it('the page waits for the view’s first answer (its snapshot, or why it was refused), but not for ever', async () => {
    const answered = vi.fn()
    void viewAnswered(openBoardView(api.openView, {}, 'compact'), 60_000).then(answered)
    await vi.waitFor(() => expect(answered).toHaveBeenCalled())

    const refused = openBoardView(() => ({ update() {}, close() {} }), {}, 'compact')
    vi.useFakeTimers()
    try {
      const silent = vi.fn()
      void viewAnswered(refused, 1_000).then(silent)
      await vi.advanceTimersByTimeAsync(999)
      expect(silent).not.toHaveBeenCalled()
      await vi.advanceTimersByTimeAsync(1)
      expect(silent).toHaveBeenCalled()
    } finally {
      vi.useRealTimers()
    }

    let refuse: (event: ViewEvent) => void = () => {}
    const refusing = openBoardView((_query, _ranges, listener) => ((refuse = listener), { update() {}, close() {} }), {}, 'compact')
    const told = vi.fn()
    void viewAnswered(refusing, 60_000).then(told)
    refuse({ type: 'refused', error: { code: 'invalid_input', message: 'no' } })
    await vi.waitFor(() => expect(told).toHaveBeenCalled())
  })

  it('Delete removes the card, and Undo in the toast asks the service to bring it back', async () => {
    const user = userEvent.setup()
    api.remove.mockImplementation(async ({ id }) => {
      pushBoard(makeBoard([], '2025-03-10T09:02:00.000Z'))
      return ok({ id })
    })
    api.undo.mockImplementation(async () => {
      pushBoard(makeBoard([CARD], '2025-03-10T09:03:00.000Z'))
      return ok({ action: 'Delete “Send the proposal”', canUndo: 0, canRedo: 1 })
    })
    render(<App />)
    const card = await screen.findByRole('article', { name: 'Send the proposal' })
    await user.click(await within(card).findByRole('button', { name: 'Delete' }))

    expect(api.remove).toHaveBeenCalledWith({ id: 'fu-1' })
    const toast = await screen.findByText('Deleted “Send the proposal”.', { exact: false })
    expect(screen.queryByRole('article', { name: 'Send the proposal' })).toBeNull()

    await user.click(within(toast).getByRole('button', { name: 'Undo' }))
    expect(api.undo).toHaveBeenCalledWith({})
    await within(region('Promised')).findByRole('article', { name: 'Send the proposal' })
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull()
    await screen.findByText('Undone: Delete “Send the proposal”.', { exact: false })
  })

  it('Ctrl+Z and Ctrl+Shift+Z undo and redo outside text fields, and leave text fields their own undo', async () => {
    const user = userEvent.setup()
    api.undo.mockResolvedValue(ok({ action: 'Mark done “Send the proposal”', canUndo: 0, canRedo: 1 }))
    api.redo.mockResolvedValue(ok({ action: 'Mark done “Send the proposal”', canUndo: 1, canRedo: 0 }))
    render(<App />)
    await screen.findByRole('article', { name: 'Send the proposal' })
    await user.keyboard('{Control>}z{/Control}')
    expect(api.undo).toHaveBeenCalledTimes(1)
    await screen.findByText('Undone: Mark done “Send the proposal”.', { exact: false })
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}')
    expect(api.redo).toHaveBeenCalledTimes(1)
    await user.click(screen.getByRole('textbox', { name: 'Quick add' }))
    await user.keyboard('{Control>}z{/Control}')
    expect(api.undo).toHaveBeenCalledTimes(1)
  })

  it('a done card offers Reopen, which the toast can undo', async () => {
    const user = userEvent.setup()
    const done = { ...CARD, column: 'done' as const, completedAt: new Date().toISOString(), outcome: 'early' as const, margin: { promise: 2 * 86_400_000, target: 3_600_000 } }
    api.getBoard.mockResolvedValue(ok(makeBoard([done], '2025-03-10T09:00:00.000Z')))
    api.reopen.mockResolvedValue(ok(CARD))
    render(<App />)
    const card = await screen.findByRole('article', { name: 'Send the proposal' })
    expect(within(card).getByText('Done early · 2 days before the promise')).toBeTruthy()
    await user.click(within(card).getByRole('button', { name: 'Reopen' }))
    expect(api.reopen).toHaveBeenCalledWith({ id: 'fu-1' })
    const toast = await screen.findByText('Reopened “Send the proposal”.', { exact: false })
    expect(within(toast).getByRole('button', { name: 'Undo' })).toBeTruthy()
  })

  it('a delete the service refuses says why and offers no Undo', async () => {
    const user = userEvent.setup()
    api.remove.mockResolvedValue(fail('read_only', 'This data file is from a newer version of Follow Through.'))
    render(<App />)
    const card = await screen.findByRole('article', { name: 'Send the proposal' })
    await user.click(await within(card).findByRole('button', { name: 'Delete' }))
    expect((await screen.findByRole('alert')).textContent).toContain('This data file is from a newer version of Follow Through.')
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull()
    expect(api.undoRemove).not.toHaveBeenCalled()
  })

  it('New follow-up opens the dialog, and closing it gives focus back to the button', async () => {
    const user = userEvent.setup()
    render(<App />)
    await screen.findByRole('article', { name: 'Send the proposal' })
    const button = screen.getByRole('button', { name: 'New follow-up' })
    await user.click(button)
    expect(screen.getByRole('dialog', { name: 'New follow-up' })).toBeTruthy()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(button)
  })

  it('Mark done sends complete for that card', async () => {
    const user = userEvent.setup()
    api.complete.mockResolvedValue(ok(CARD))
    render(<App />)
    const card = await screen.findByRole('article', { name: 'Send the proposal' })
    const boardReads = api.getBoard.mock.calls.length
    await user.click(within(card).getByRole('button', { name: 'Mark done' }))
    expect(api.complete).toHaveBeenCalledWith({ id: 'fu-1' })
    // The change arrives as a delta on the view: the board is not fetched again.
    expect(api.getBoard.mock.calls.length).toBe(boardReads)
  })

  it('the title opens the card’s details with its history', async () => {
    const user = userEvent.setup()
    render(<App />)
    await screen.findByRole('article', { name: 'Send the proposal' })
    const events = [
      { type: 'created', at: '2025-03-01T09:00:00.000Z' },
      {
        type: 'rescheduled',
        at: '2025-03-05T09:00:00.000Z',
        from: { dueAt: '2025-03-12T15:00:00.000Z', targetAt: '2025-03-11T15:00:00.000Z' },
        to: { dueAt: CARD.dueAt, targetAt: CARD.targetAt },
        toldClient: true,
      },
    ] satisfies Card['history']
    act(() => pushBoard(makeBoard([{ ...CARD, history: events }], '2025-03-10T09:10:00.000Z')))
    await user.click(within(screen.getByRole('article', { name: 'Send the proposal' })).getByRole('button', { name: 'Send the proposal' }))
    await screen.findByRole('dialog', { name: 'Send the proposal' })
    const timeline = within(screen.getByRole('dialog', { name: 'Send the proposal' })).getByRole('list', { name: 'History' })
    const items = within(timeline).getAllByRole('listitem').map((item) => item.textContent)
    expect(items).toHaveLength(2)
    expect(items[0]).toMatch(/Created$/)
    expect(items[1]).toMatch(/Promise moved from .* to .* — client was told$/)
  })

  it('a clicked notification opens that card’s details; the tray’s Quick add focuses the box', async () => {
    render(<App />)
    await screen.findByRole('article', { name: 'Send the proposal' })
    act(() => sendShellCommand({ type: 'focusCard', id: 'fu-1' }))
    expect(await screen.findByRole('dialog', { name: 'Send the proposal' })).toBeTruthy()
    await userEvent.setup().keyboard('{Escape}')
    act(() => sendShellCommand({ type: 'focusQuickAdd' }))
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Quick add' }))
    // A card deleted meanwhile: said plainly, no empty dialog.
    act(() => sendShellCommand({ type: 'focusCard', id: 'gone' }))
    expect((await screen.findByRole('alert')).textContent).toContain('That follow-up no longer exists.')
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})
