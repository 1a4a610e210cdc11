// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { api } from '../../../renderer/lib/api'
import { AwayPanel } from '../../../renderer/features/away/AwayPanel'
import { SequenceDialog } from '../../../renderer/features/sale/SequenceDialog'
import { Board } from '../../../renderer/features/board/Board'
import type { CardActions } from '../../../renderer/features/board/FollowUpCard'
import { makeBoard, makeCard, mockApi, ok, storeOf } from './support'

vi.mock('../../../renderer/lib/api', async () => (await import('./support')).apiModule())

const NOW = new Date('2025-03-10T10:00:00+01:00')
const overdue = (id: string, title: string, client: string) =>
  makeCard({ id, title, client: { name: client }, column: 'overdue', dueAt: '2025-03-08T15:00:00.000Z', targetAt: '2025-03-07T15:00:00.000Z' })

function awayBoard() {
  const board = makeBoard([overdue('a', 'Send the proposal', 'Jenny Rivera'), overdue('b', 'Call back', 'Acme Corp'), overdue('c', 'Price list', 'Jenny Rivera')])
  return { ...board, away: { ids: ['a', 'b', 'c'], count: 3, since: '2025-03-08T15:00:00.000Z' } }
}

describe('the While you were away panel', () => {
  it('groups by client and reschedules a client’s follow-ups in one call, asking whether they were told', async () => {
    const bridge = mockApi(api)
    bridge.bulk.mockResolvedValue(ok({ results: [{ id: 'a', ok: true }, { id: 'c', ok: true }] }))
    const onMessage = vi.fn()
    const onHeadsUp = vi.fn()
    render(<AwayPanel board={awayBoard()} now={NOW} onHeadsUp={onHeadsUp} onMessage={onMessage} onError={vi.fn()} />)
    const panel = screen.getByRole('region', { name: 'While you were away' })
    const jenny = within(panel).getByRole('group', { name: 'Jenny Rivera' })
    expect(within(jenny).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('Send the proposal'),
      expect.stringContaining('Price list'),
    ])
    await userEvent.click(within(jenny).getByRole('button', { name: 'Send heads-up: Price list' }))
    expect(onHeadsUp).toHaveBeenCalledWith(expect.objectContaining({ id: 'c' }))

    await userEvent.click(within(jenny).getByRole('button', { name: 'Reschedule: Jenny Rivera' }))
    const dialog = screen.getByRole('dialog')
    await userEvent.click(within(dialog).getByLabelText('Did you tell the clients?'))
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reschedule' }))
    expect(bridge.bulk).toHaveBeenCalledWith(expect.objectContaining({ ids: ['a', 'c'], action: 'reschedule', toldClient: true }))
    expect(onMessage).toHaveBeenCalledWith('Moved 2 follow-ups to the new promised date.')
  })

  it('marks all done and is dismissed with Got it', async () => {
    const bridge = mockApi(api)
    bridge.bulk.mockResolvedValue(ok({ results: [{ id: 'a', ok: true }, { id: 'b', ok: true }, { id: 'c', ok: true }] }))
    bridge.dismissAway.mockResolvedValue(ok({ dismissed: true }))
    render(<AwayPanel board={awayBoard()} now={NOW} onHeadsUp={vi.fn()} onMessage={vi.fn()} onError={vi.fn()} />)
    await userEvent.click(screen.getByRole('button', { name: 'Mark all done' }))
    expect(bridge.bulk).toHaveBeenCalledWith({ ids: ['a', 'c', 'b'], action: 'complete' })
    await userEvent.click(screen.getByRole('button', { name: 'Got it' }))
    expect(bridge.dismissAway).toHaveBeenCalledWith({})
  })

  it('says how many went overdue when it lists only the first of them, and its buttons say they act on those', async () => {
    const bridge = mockApi(api)
    bridge.bulk.mockResolvedValue(ok({ results: [{ id: 'a', ok: true }, { id: 'b', ok: true }, { id: 'c', ok: true }] }))
    const board = { ...awayBoard(), away: { ids: ['a', 'b', 'c'], count: 12_345, since: '2025-03-08T15:00:00.000Z' } }
    render(<AwayPanel board={board} now={NOW} onHeadsUp={vi.fn()} onMessage={vi.fn()} onError={vi.fn()} />)
    const panel = screen.getByRole('region', { name: 'While you were away' })
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe('While you were away, 12,345 follow-ups became overdue')
    expect(within(panel).getByText('The first 3 are listed here; the Overdue column has them all.')).toBeTruthy()
    expect(within(panel).queryByRole('button', { name: 'Mark all done' })).toBeNull()
    await userEvent.click(within(panel).getByRole('button', { name: 'Mark these 3 done' }))
    expect(bridge.bulk).toHaveBeenCalledWith({ ids: ['a', 'c', 'b'], action: 'complete' })
  })

  it('shows nothing when nothing went overdue while away', () => {
    const { container } = render(<AwayPanel board={makeBoard([overdue('a', 'x', 'y')])} now={NOW} onHeadsUp={vi.fn()} onMessage={vi.fn()} onError={vi.fn()} />)
    expect(container.textContent).toBe('')
  })
})

describe('after the sale', () => {
  it('offers Deal won and Delivered on promise cards only', async () => {
    const afterSale = vi.fn()
    const actions: CardActions = { complete: vi.fn(), snooze: vi.fn(), edit: vi.fn(), remove: vi.fn(), details: vi.fn(), logContact: vi.fn(), afterSale }
    const promise = makeCard()
    const thanks = makeCard({ id: 't', title: 'Thank Jenny', kind: 'thank-you' })
    render(<Board store={storeOf(makeBoard([promise, thanks])).store} now={NOW} actions={actions} onDrop={vi.fn()} />)
    const promiseCard = within(screen.getByRole('article', { name: promise.title }))
    expect(promiseCard.queryByRole('button', { name: 'Delivered' })).toBeNull()
    await userEvent.click(await promiseCard.findByRole('button', { name: `More actions for “${promise.title}”` }))
    await userEvent.click(promiseCard.getByRole('button', { name: 'Delivered' }))
    expect(afterSale).toHaveBeenCalledWith(expect.objectContaining({ id: promise.id }), 'delivered')
    const thanksCard = within(screen.getByRole('article', { name: 'Thank Jenny' }))
    await userEvent.click(thanksCard.getByRole('button', { name: 'More actions for “Thank Jenny”' }))
    expect(thanksCard.queryByRole('button', { name: 'Deal won' })).toBeNull()
    expect(thanksCard.getByRole('button', { name: 'Log contact' })).toBeTruthy()
  })

  it('lists what will be created before creating it', async () => {
    const bridge = mockApi(api)
    const planned = [makeCard({ id: 's1', title: 'Thank Jenny Rivera for the business', kind: 'thank-you' })]
    bridge.startSequence.mockResolvedValue(ok({ created: planned, completed: false, openPromises: [] }))
    const onDone = vi.fn()
    render(<SequenceDialog card={makeCard()} sequence="won" onClose={vi.fn()} onDone={onDone} />)
    const list = await screen.findByRole('list', { name: 'Follow-ups to add' })
    expect(list.textContent).toContain('Thank Jenny Rivera for the business')
    expect(bridge.startSequence).toHaveBeenCalledWith({ id: 'card-1', sequence: 'won', dryRun: true })
    await userEvent.click(screen.getByRole('button', { name: 'Add it' }))
    expect(bridge.startSequence).toHaveBeenLastCalledWith({ id: 'card-1', sequence: 'won' })
    expect(onDone).toHaveBeenCalledWith('Planned 1 follow-up for Jenny Rivera.')
  })

  it('says Delivered marks an open promise done before adding its sequence', async () => {
    const bridge = mockApi(api)
    const planned = [makeCard({ id: 's1', title: 'Confirmation call with Jenny Rivera', kind: 'confirmation-call' })]
    bridge.startSequence.mockResolvedValue(ok({ created: planned, completed: true, openPromises: [] }))
    const onDone = vi.fn()
    render(<SequenceDialog card={makeCard()} sequence="delivered" onClose={vi.fn()} onDone={onDone} />)
    await screen.findByText(`This marks “${makeCard().title}” done.`)
    await userEvent.click(screen.getByRole('button', { name: 'Mark done and add them' }))
    expect(onDone).toHaveBeenCalledWith('Marked done. Planned 1 follow-up for Jenny Rivera.')
  })

  it('applies Deal won to the open promise of the client the person picks', async () => {
    const bridge = mockApi(api)
    const other = makeCard({ id: 'p2', title: 'Send the contract' })
    bridge.startSequence.mockResolvedValue(ok({ created: [makeCard({ id: 's1', title: 'Thank Jenny Rivera', kind: 'thank-you' })], completed: false, openPromises: [makeCard(), other] }))
    render(<SequenceDialog card={makeCard()} sequence="won" onClose={vi.fn()} onDone={vi.fn()} />)
    await userEvent.selectOptions(await screen.findByLabelText('Which promise was won?'), 'p2')
    expect(bridge.startSequence).toHaveBeenLastCalledWith({ id: 'p2', sequence: 'won', dryRun: true })
    await userEvent.click(await screen.findByRole('button', { name: 'Add it' }))
    expect(bridge.startSequence).toHaveBeenLastCalledWith({ id: 'p2', sequence: 'won' })
  })
})
