// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { LogContactDialog } from '../../../renderer/features/cadence/LogContactDialog'
import { HeadsUpDialog } from '../../../renderer/features/method/HeadsUpDialog'
import { describeEvent } from '../../../renderer/features/board/format'
import { api as realApi } from '../../../renderer/lib/api'
import { makeCard, mockApi, ok } from './support'

vi.mock('../../../renderer/lib/api', async () => (await import('./support')).apiModule())
const api = mockApi(realApi)

beforeEach(() => vi.clearAllMocks())

describe('the heads-up dialog', () => {
  it('drafts from "what I promised", says the history will record "told in time", and sends the words to remember', async () => {
    const user = userEvent.setup()
    api.draftHeadsUp.mockImplementation(async ({ promiseText }) => ok({ message: `Hi Jenny, a quick heads-up: ${promiseText} needs a little longer.`, afterDeadline: false }))
    api.sendHeadsUp.mockResolvedValue(ok(makeCard()))
    const onDone = vi.fn()
    render(<HeadsUpDialog card={makeCard({ title: 'ACME deck v3' })} onClose={vi.fn()} onDone={onDone} />)
    const words = screen.getByLabelText('What I promised') as HTMLInputElement
    expect(words.value).toBe('ACME deck v3')
    await user.clear(words)
    await user.type(words, 'the pricing deck')
    const message = screen.getByLabelText('Message to the client') as HTMLTextAreaElement
    await waitFor(() => expect(message.value).toBe('Hi Jenny, a quick heads-up: the pricing deck needs a little longer.'))
    expect(screen.getByText(/the history will say the client was told in time/)).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Record heads-up' }))
    expect(api.sendHeadsUp).toHaveBeenCalledWith(expect.objectContaining({ id: 'card-1', promiseText: 'the pricing deck', message: message.value }))
  })

  it('starts from the card\'s remembered words and says when the heads-up comes after the deadline', async () => {
    api.draftHeadsUp.mockResolvedValue(ok({ message: 'Hi Jenny, I am sorry: the deck is late.', afterDeadline: true }))
    render(<HeadsUpDialog card={makeCard({ promiseText: 'the deck', column: 'overdue' })} onClose={vi.fn()} onDone={vi.fn()} />)
    expect((screen.getByLabelText('What I promised') as HTMLInputElement).value).toBe('the deck')
    await screen.findByText(/the history will say the client was told after the deadline/)
  })

  it('confirms that Copy message copied', async () => {
    const user = userEvent.setup()
    api.draftHeadsUp.mockResolvedValue(ok({ message: 'Hi Jenny', afterDeadline: false }))
    render(<HeadsUpDialog card={makeCard()} onClose={vi.fn()} onDone={vi.fn()} />)
    await waitFor(() => expect((screen.getByLabelText('Message to the client') as HTMLTextAreaElement).value).toBe('Hi Jenny'))
    await user.click(screen.getByRole('button', { name: 'Copy message' }))
    expect(await navigator.clipboard.readText()).toBe('Hi Jenny')
    expect((await screen.findByRole('status')).textContent).toBe('Message copied to the clipboard.')
  })
})

describe('the history of a heads-up', () => {
  it('says whether the client was told in time or after the deadline', () => {
    const now = new Date('2025-03-10T10:00:00Z')
    expect(describeEvent({ type: 'headsUp', at: now.toISOString(), message: 'Hi' }, now)).toMatch(/Heads-up sent to the client: told in time$/)
    expect(describeEvent({ type: 'headsUp', at: now.toISOString(), message: 'Hi', afterDeadline: true }, now)).toMatch(/told after the deadline$/)
  })
})

describe('Log contact', () => {
  it('defaults to now, and sends the date and time the person picks', async () => {
    const user = userEvent.setup()
    api.logContact.mockResolvedValue(ok({ id: 'k1', client: 'Jenny Rivera', at: new Date().toISOString(), channel: 'phone', note: '' }))
    const { unmount } = render(<LogContactDialog card={makeCard()} onClose={vi.fn()} onDone={vi.fn()} />)
    const when = screen.getByLabelText('When') as HTMLInputElement
    expect(Math.abs(new Date(when.value).getTime() - Date.now())).toBeLessThan(2 * 60_000)
    await user.click(screen.getByRole('button', { name: 'Log contact' }))
    // Left at "now": the service takes its own clock.
    expect(api.logContact).toHaveBeenLastCalledWith({ client: 'Jenny Rivera', channel: 'email', note: '' })
    unmount()

    render(<LogContactDialog card={makeCard()} onClose={vi.fn()} onDone={vi.fn()} />)
    const picked = screen.getByLabelText('When')
    await user.clear(picked)
    await user.type(picked, '2025-03-07T14:30')
    await user.click(screen.getByRole('button', { name: 'Log contact' }))
    expect(api.logContact).toHaveBeenLastCalledWith({ client: 'Jenny Rivera', channel: 'email', note: '', at: new Date('2025-03-07T14:30').toISOString() })
  })
})
