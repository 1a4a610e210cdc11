// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { Card } from '../../../electron/contract'
import { COLUMN_TITLES } from '../../../renderer/features/board/format'
import { Board } from '../../../renderer/features/board/Board'
import type { CardActions } from '../../../renderer/features/board/FollowUpCard'
import { publishSyncStatus } from '../../../renderer/features/settings/syncStatusStore'
import { makeBoard, makeCard, storeOf } from './support'

/** Monday 10 March 2025, 10:00 in Berlin (the test time zone). */
const NOW = new Date('2025-03-10T10:00:00+01:00')

const noActions = (): CardActions => ({ complete: vi.fn(), snooze: vi.fn(), edit: vi.fn(), remove: vi.fn(), details: vi.fn(), logContact: vi.fn() })

/** The card as the board shows it: in its column, inside the board's drag-and-drop context, its toolbar in (after the first paint). */
async function show(card: Card, actions = noActions()) {
  render(<Board store={storeOf(makeBoard([card])).store} now={NOW} actions={actions} onDrop={vi.fn()} density="comfortable" />)
  const article = screen.getByRole('article', { name: card.title })
  expect(screen.getByRole('region', { name: COLUMN_TITLES[card.column] }).contains(article)).toBe(true)
  await within(article).findByRole('toolbar')
  return { article, actions }
}

const money = (amount: number, currency: string) => new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount)

describe('a follow-up card', () => {
  it('shows what was promised, to whom, by when, the own buffer and what it is worth', async () => {
    const { article } = await show(
      makeCard({
        title: 'Send the proposal',
        client: { name: 'Jenny Rivera', company: 'Acme GmbH' },
        channel: 'phone',
        dueAt: '2025-03-12T16:00:00+01:00',
        targetAt: '2025-03-11T16:00:00+01:00',
        value: { amount: 2500, currency: 'EUR' },
      }),
    )
    expect(within(article).getByRole('heading', { name: 'Send the proposal' })).toBeTruthy()
    expect(within(article).getByText('Jenny Rivera · Acme GmbH', { exact: false })).toBeTruthy()
    // Drawn, not a character: a system without the glyph (an emoji font, say) would show an empty box.
    expect(within(article).getByRole('img', { name: 'Phone' }).textContent).toBe('')
    // Relative and absolute: two days from now, on Wednesday at 16:00 local time, as en-US writes it.
    expect(within(article).getByText('Promised in 2 days · Wed, Mar 12, 4:00 PM')).toBeTruthy()
    expect(within(article).getByText('my target 1 day earlier')).toBeTruthy()
    expect(within(article).getByText(money(2500, 'EUR'))).toBeTruthy()
    // An open card can be delivered or snoozed.
    for (const name of ['Mark done', 'Snooze', 'Edit', 'Delete']) expect(within(article).getByRole('button', { name })).toBeTruthy()
  })

  it('a card due today shows only the time of day', async () => {
    const { article } = await show(makeCard({ column: 'due', dueAt: '2025-03-10T16:00:00+01:00', targetAt: '2025-03-10T13:00:00+01:00' }))
    expect(within(article).getByText('Promised in 6 hours · 4:00 PM')).toBeTruthy()
    expect(within(article).getByText('my target 3 hours earlier')).toBeTruthy()
  })

  it('an overdue card says how late it is, and no longer boasts a buffer', async () => {
    const { article } = await show(
      makeCard({ column: 'overdue', dueAt: '2025-03-10T07:00:00+01:00', targetAt: '2025-03-09T16:00:00+01:00' }),
    )
    expect(within(article).getByText('late by 3 hours')).toBeTruthy()
    expect(within(article).getByText('Promised 3 hours ago · 7:00 AM')).toBeTruthy()
    expect(within(article).queryByText(/my target/)).toBeNull()
  })

  it('a card past its own target warns that a heads-up is due', async () => {
    const { article } = await show(makeCard({ column: 'due', atRisk: true, dueAt: '2025-03-10T16:00:00+01:00', targetAt: '2025-03-10T09:00:00+01:00' }))
    expect(within(article).getByText(/send a heads-up/)).toBeTruthy()
  })

  it('a done card says how early it was delivered and offers no Mark done or Snooze', async () => {
    const { article } = await show(
      makeCard({ column: 'done', completedAt: '2025-03-10T09:00:00+01:00', margin: { promise: 2 * 86_400_000, target: 3_600_000 } }),
    )
    expect(within(article).getByText('Done, 2 days early')).toBeTruthy()
    expect(within(article).queryByRole('button', { name: 'Mark done' })).toBeNull()
    expect(within(article).queryByRole('button', { name: 'Snooze' })).toBeNull()
  })

  it('a snoozed card says so', async () => {
    const { article } = await show(makeCard({ snoozedUntil: '2025-03-10T11:00:00+01:00' }))
    expect(within(article).getByText('Snoozed')).toBeTruthy()
  })

  it('its buttons act on this card', async () => {
    const user = userEvent.setup()
    const card = makeCard()
    const { article, actions } = await show(card)
    await user.click(within(article).getByRole('button', { name: 'Mark done' }))
    expect(actions.complete).toHaveBeenCalledWith(card)
    await user.click(within(article).getByRole('button', { name: 'Send the proposal' }))
    expect(actions.details).toHaveBeenCalledWith(card)
    await user.click(within(article).getByRole('button', { name: 'Snooze' }))
    const before = Date.now()
    await user.click(screen.getByRole('menuitem', { name: '1 hour' }))
    const until = vi.mocked(actions.snooze).mock.calls[0][1]
    expect(until.getTime() - before).toBeGreaterThanOrEqual(3_600_000 - 1_000)
    expect(until.getTime() - before).toBeLessThanOrEqual(3_600_000 + 60_000)
    expect(screen.queryByRole('menu')).toBeNull()
  })

  it('asks on the card about a date moved in the calendar, and passes on the answer', async () => {
    const card = makeCard({ id: 'moved', title: 'Send the proposal' })
    const actions = { ...noActions(), answerCalendar: vi.fn() }
    const { article } = await show(card, actions)
    expect(within(article).queryByRole('group', { name: 'Calendar change to confirm' })).toBeNull()

    const message = 'The promised date was moved in your calendar (client told: no). Keep the new date or put the old one back?'
    act(() => publishSyncStatus({ state: 'synced', pending: 0, flags: [{ id: 'moved', title: card.title, kind: 'dueMovedInCalendar', message }] }))
    const asked = within(article).getByRole('group', { name: 'Calendar change to confirm' })
    expect(asked.textContent).toContain(message)
    await userEvent.setup().click(within(asked).getByRole('button', { name: 'Put the old date back' }))
    expect(actions.answerCalendar).toHaveBeenCalledWith(expect.objectContaining({ id: 'moved' }), 'restoreDate')

    act(() => publishSyncStatus({ state: 'synced', pending: 0, flags: [] }))
    expect(within(article).queryByRole('group', { name: 'Calendar change to confirm' })).toBeNull()
  })

  it('offers a keyboard handle named after the card for moving it between columns', async () => {
    const { article } = await show(makeCard({ title: 'Book the next meeting' }))
    const handle = within(article).getByRole('button', { name: 'Move “Book the next meeting”' })
    expect(handle.getAttribute('aria-roledescription')).toBe('draggable')
  })
})
