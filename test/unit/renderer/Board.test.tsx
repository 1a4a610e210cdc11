// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import type { Card } from '../../../electron/contract'
import { Board } from '../../../renderer/features/board/Board'
import { CARD_HEIGHT } from '../../../renderer/features/board/density'
import type { CardActions } from '../../../renderer/features/board/FollowUpCard'
import { makeBoard, makeCard, storeOf } from './support'

/**
 * Every render of a card renders its checklist, so a stand-in checklist counts card
 * renders by id, without any hook in the board's own code.
 */
const renders = vi.hoisted(() => [] as string[])
vi.mock('../../../renderer/features/method/CardChecklist', () => ({
  CardChecklist: ({ card }: { card: { id: string } }) => {
    renders.push(card.id)
    return null
  },
}))

const NOW = new Date('2025-03-10T10:00:00+01:00')
const noActions = (): CardActions => ({ complete: vi.fn(), snooze: vi.fn(), edit: vi.fn(), remove: vi.fn(), details: vi.fn(), logContact: vi.fn(), headsUp: vi.fn() })

const promised = (id: string, title: string, day: number) => makeCard({ id, title, column: 'promised', dueAt: `2025-03-${day}T15:00:00.000Z`, targetAt: `2025-03-${day - 1}T15:00:00.000Z` })
const CARDS: Card[] = [
  promised('a', 'Send the proposal', 17),
  promised('b', 'Call back about the demo', 18),
  promised('c', 'Book the next meeting', 19),
  makeCard({ id: 'd', title: 'Price list for Acme', column: 'due', atRisk: true, dueAt: '2025-03-10T16:00:00+01:00', targetAt: '2025-03-10T09:00:00+01:00' }),
]

function showBoard(cards = CARDS, actions = noActions()) {
  const { store, view } = storeOf(makeBoard(cards))
  render(<Board store={store} now={NOW} actions={actions} onDrop={vi.fn()} density="compact" />)
  const article = (title: string) => screen.getByRole('article', { name: title })
  return { store, view, actions, article }
}

const region = (name: string) => screen.getByRole('region', { name })

beforeEach(() => {
  renders.length = 0
})

describe('the board on a view', () => {
  it('a change to one card re-renders that card and the counts, nothing else', () => {
    const { view } = showBoard()
    expect([...renders].sort()).toEqual(['a', 'b', 'c', 'd'])
    renders.length = 0

    // The service renames b: one delta carrying the changed card.
    act(() => view.listener({ type: 'delta', delta: { viewId: view.viewId, version: 2, cards: [{ ...CARDS[1], title: 'Call back about the pricing' }] } }))
    expect(renders).toEqual(['b'])
    expect(screen.getByRole('article', { name: 'Call back about the pricing' })).toBeTruthy()

    // a is marked done: it leaves Promised for Done and the counts change; no other card renders.
    renders.length = 0
    act(() =>
      view.listener({
        type: 'delta',
        delta: {
          viewId: view.viewId,
          version: 3,
          counts: { promised: 2, due: 1, overdue: 0, done: 1 },
          splices: [
            { column: 'promised', index: 0, deleteCount: 1, insert: [] },
            { column: 'done', index: 0, deleteCount: 0, insert: ['a'] },
          ],
          cards: [{ ...CARDS[0], column: 'done', completedAt: '2025-03-10T08:55:00.000Z', margin: { promise: 86_400_000, target: 3_600_000 } }],
        },
      }),
    )
    expect(renders).toEqual(['a'])
    expect(within(region('Done')).getByRole('article', { name: 'Send the proposal' })).toBeTruthy()
    expect(within(region('Promised')).getByLabelText('2 follow-ups')).toBeTruthy()
    expect(within(region('Done')).getByLabelText('1 follow-up')).toBeTruthy()
  })

  it('positions the view has not sent yet show placeholders, not cards', () => {
    const { view } = showBoard()
    act(() =>
      view.listener({ type: 'delta', delta: { viewId: view.viewId, version: 2, counts: { promised: 500, due: 1, overdue: 0, done: 0 } } }),
    )
    const column = region('Promised')
    expect(within(column).getByLabelText('500 follow-ups')).toBeTruthy()
    // Only what is in view is rendered: the three cards held, then placeholders.
    expect(within(column).getAllByRole('article')).toHaveLength(3)
    expect(column.querySelectorAll('.card--placeholder').length).toBeGreaterThan(0)
    expect(column.querySelectorAll('.column__slot').length).toBeLessThan(40)
  })

  it('asks the view for the range a column shows', async () => {
    vi.useFakeTimers()
    try {
      const { view } = showBoard()
      act(() => view.listener({ type: 'delta', delta: { viewId: view.viewId, version: 2, counts: { promised: 5_000, due: 1, overdue: 0, done: 0 } } }))
      await act(async () => vi.runAllTimers())
      const asked = view.updates.at(-1)?.ranges?.promised
      expect(asked?.start).toBe(0)
      expect(asked!.end).toBeGreaterThan(3)
      expect(asked!.end).toBeLessThan(100)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('the board from the keyboard', () => {
  it('j/k and the arrows move between cards and columns', async () => {
    const user = userEvent.setup()
    const { article } = showBoard()
    article('Send the proposal').focus()
    await user.keyboard('j')
    expect(document.activeElement).toBe(article('Call back about the demo'))
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement).toBe(article('Book the next meeting'))
    await user.keyboard('k')
    expect(document.activeElement).toBe(article('Call back about the demo'))
    await user.keyboard('{ArrowRight}')
    expect(document.activeElement).toBe(article('Price list for Acme'))
    // Nothing further right has cards: focus stays.
    await user.keyboard('{ArrowRight}')
    expect(document.activeElement).toBe(article('Price list for Acme'))
    await user.keyboard('{ArrowLeft}')
    expect(within(region('Promised')).getAllByRole('article')).toContain(document.activeElement)
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}')
    expect(document.activeElement).toBe(article('Send the proposal'))
  })

  it('single keys act on the focused card: d, e, h, Delete, Enter, s', async () => {
    const user = userEvent.setup()
    const { article, actions } = showBoard()
    article('Send the proposal').focus()
    await user.keyboard('d')
    expect(actions.complete).toHaveBeenCalledWith(CARDS[0])
    await user.keyboard('e')
    expect(actions.edit).toHaveBeenCalledWith(CARDS[0])
    await user.keyboard('{Enter}')
    expect(actions.details).toHaveBeenCalledWith(CARDS[0])
    await user.keyboard('{Delete}')
    expect(actions.remove).toHaveBeenCalledWith(CARDS[0])
    // h only where a heads-up is offered: at risk or overdue.
    await user.keyboard('h')
    expect(actions.headsUp).not.toHaveBeenCalled()
    article('Price list for Acme').focus()
    await user.keyboard('h')
    expect(actions.headsUp).toHaveBeenCalledWith(CARDS[3])

    article('Send the proposal').focus()
    await user.keyboard('s')
    const menu = screen.getByRole('menu', { name: 'Snooze “Send the proposal”' })
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: '10 minutes' }))
  })

  it('keys typed in a card’s own controls are not shortcuts', async () => {
    const user = userEvent.setup()
    const { article, actions } = showBoard()
    ;(await within(article('Send the proposal')).findByRole('button', { name: 'Edit' })).focus()
    await user.keyboard('d')
    expect(actions.complete).not.toHaveBeenCalled()
  })

  it('the first paint shows only the cards in view, at rest; their hover toolbars and the cards beyond follow it', async () => {
    // Cards as tall as a browser lays them out (test support makes them 150 px), in a 900 px column: 14 fit.
    const slotHeight = vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('column__slot') ? CARD_HEIGHT.compact : 0
    })
    onTestFinished(() => slotHeight.mockRestore())
    const many = Array.from({ length: 30 }, (_, index) => makeCard({ id: `fu-${index}`, title: `Card ${index}`, dueAt: '2025-03-17T10:00:00+01:00' }))
    const removed: Node[] = []
    const watcher = new MutationObserver((records) => records.forEach((record) => removed.push(...record.removedNodes)))
    watcher.observe(document.body, { childList: true, subtree: true })
    showBoard(many)
    removed.push(...watcher.takeRecords().flatMap((record) => [...record.removedNodes]))
    watcher.disconnect()
    // No card was made only to be removed before the first paint (as a column sized by a guess would).
    expect(removed.filter((node) => node instanceof Element && (node.matches('article') || node.querySelector('article')))).toEqual([])
    const promised = region('Promised')
    expect(within(promised).getAllByRole('article')).toHaveLength(14)
    expect(within(promised).queryAllByRole('toolbar')).toHaveLength(0)
    await waitFor(() => expect(within(promised).getAllByRole('toolbar')).toHaveLength(within(promised).getAllByRole('article').length))
    expect(within(promised).getAllByRole('article').length).toBeGreaterThan(14)
  })

  it('a compact card shows its title, client and deadline with one action; the rest sit in its toolbar', async () => {
    const { article } = showBoard()
    const open = article('Send the proposal')
    expect(within(open).getByText('Jenny Rivera · Acme GmbH', { exact: false })).toBeTruthy()
    expect(within(open).getByText(/^Promised in 7 days/)).toBeTruthy()
    expect(open.querySelector('.card__primary')?.textContent).toBe('Mark done')
    const toolbar = await within(open).findByRole('toolbar', { name: 'Actions for “Send the proposal”' })
    for (const name of ['Snooze', 'Edit', 'Delete']) expect(within(toolbar).getByRole('button', { name })).toBeTruthy()
    // At risk: the primary action is the heads-up, and Mark done moves to the toolbar.
    const risky = article('Price list for Acme')
    expect(risky.querySelector('.card__primary')?.textContent).toBe('Send heads-up')
    expect(within(within(risky).getByRole('toolbar')).getByRole('button', { name: 'Mark done' })).toBeTruthy()
    expect(within(risky).getByText(/Past your own target/)).toBeTruthy()
    // The comfortable extras are not on a compact card.
    expect(within(open).queryByText(/my target/)).toBeNull()
  })
})

describe('a card’s context menu', () => {
  it('opens on right-click with the card’s actions; Escape closes it and focus goes back to the card', async () => {
    const user = userEvent.setup()
    const { article, actions } = showBoard()
    fireEvent.contextMenu(article('Send the proposal'), { clientX: 40, clientY: 60 })
    const menu = screen.getByRole('menu', { name: 'Actions for “Send the proposal”' })
    const items = within(menu)
      .getAllByRole('menuitem')
      .map((item) => item.textContent)
    expect(items).toEqual(expect.arrayContaining(['Open', 'Mark done', 'Snooze', 'Edit', 'Log contact', 'Delete']))
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Open' }))
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Mark done' }))
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('menu')).toBeNull()
    expect(document.activeElement).toBe(article('Send the proposal'))
    expect(actions.complete).not.toHaveBeenCalled()
  })

  it('opens from the keyboard with Shift+F10 or the Menu key, and runs what is picked', async () => {
    const user = userEvent.setup()
    const { article, actions } = showBoard()
    article('Call back about the demo').focus()
    await user.keyboard('{Shift>}{F10}{/Shift}')
    await user.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Edit' }))
    expect(actions.edit).toHaveBeenCalledWith(CARDS[1])
    expect(screen.queryByRole('menu')).toBeNull()

    article('Call back about the demo').focus()
    await user.keyboard('{ContextMenu}')
    await user.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Snooze' }))
    expect(screen.getByRole('menu', { name: 'Snooze “Call back about the demo”' })).toBeTruthy()
  })
})
