// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { FollowUp } from '../../../electron/contract'
import { DomainError } from '../../../electron/core/errors'
import { parseQuickAdd } from '../../../electron/core/quickAdd'
import { QuickAdd } from '../../../renderer/features/board/QuickAdd'
import { api as realApi } from '../../../renderer/lib/api'
import { fail, makeCard, mockApi, ok } from './support'

vi.mock('../../../renderer/lib/api', async () => (await import('./support')).apiModule())
const api = mockApi(realApi)

/** Monday 10 March 2025, 10:00 in Berlin: "Friday 4pm" is Fri 14 Mar 16:00 (en-US: "Fri, Mar 14, 4:00 PM"). */
const NOW = new Date('2025-03-10T10:00:00+01:00')
const LINE = 'Call Jenny Rivera Friday 4pm 248-867-5309'
const HINT = 'Type what you promised, to whom, and by when. Enter adds it.'

const box = () => screen.getByRole('textbox', { name: 'Quick add' })
/** What a screen reader reads with the box: the live preview under it. */
const description = () => document.getElementById(box().getAttribute('aria-describedby') ?? '')?.textContent

beforeEach(() => {
  vi.clearAllMocks()
  // The service's parser answers the preview, as it would over the wire (the clock fixed at NOW).
  api.parseQuickAdd.mockImplementation(async ({ text }) => {
    try {
      return ok(parseQuickAdd(text, NOW))
    } catch (error) {
      return fail('invalid_input', (error as DomainError).message)
    }
  })
})

describe('Quick add', () => {
  it('previews how the service reads the line before anything is created', async () => {
    const user = userEvent.setup()
    render(<QuickAdd />)
    expect(description()).toBe(HINT)
    await user.type(box(), LINE)
    await screen.findByText('“Call Jenny Rivera” for Jenny Rivera, promised by Fri, Mar 14, 4:00 PM · 248-867-5309')
    expect(description()).toBe('“Call Jenny Rivera” for Jenny Rivera, promised by Fri, Mar 14, 4:00 PM · 248-867-5309')
    expect(api.quickAdd).not.toHaveBeenCalled()
  })

  it('says inline what is missing from a line it cannot read', async () => {
    const user = userEvent.setup()
    render(<QuickAdd />)
    await user.type(box(), 'Call Jenny Rivera about the proposal')
    await screen.findByText('Add when you promised it, for example “Friday 4pm” or “in 3 days”.')
    expect(description()).toBe('Add when you promised it, for example “Friday 4pm” or “in 3 days”.')
  })

  it('Enter creates the follow-up once, then clears the box for the next line', async () => {
    const user = userEvent.setup()
    let answer!: (value: ReturnType<typeof ok<FollowUp>>) => void
    api.quickAdd.mockImplementation(() => new Promise((resolve) => (answer = resolve)))
    render(<QuickAdd />)
    await user.type(box(), LINE)
    await user.keyboard('{Enter}')
    // A second Enter while the first is on its way must not add it twice.
    await user.keyboard('{Enter}')
    expect(api.quickAdd).toHaveBeenCalledTimes(1)
    expect(api.quickAdd).toHaveBeenCalledWith({ text: LINE, locale: 'en-US', choice: 0, confirmed: false })
    answer(ok(makeCard({ title: 'Call Jenny Rivera' })))
    await waitFor(() => expect((box() as HTMLInputElement).value).toBe(''))
    await screen.findByText(HINT)
  })

  it('a line the service refuses on Enter stays in the box with the reason under it', async () => {
    const user = userEvent.setup()
    api.quickAdd.mockResolvedValue(fail('read_only', 'This data file is from a newer version of Follow Through; nothing can be changed.'))
    render(<QuickAdd />)
    await user.type(box(), `${LINE}{Enter}`)
    await screen.findByText('This data file is from a newer version of Follow Through; nothing can be changed.')
    expect((box() as HTMLInputElement).value).toBe(LINE)
  })

  it('Escape clears the line and its preview', async () => {
    const user = userEvent.setup()
    render(<QuickAdd />)
    await user.type(box(), LINE)
    await screen.findByText(/promised by Fri, Mar 14, 4:00 PM/)
    await user.keyboard('{Escape}')
    expect((box() as HTMLInputElement).value).toBe('')
    await screen.findByText(HINT)
    expect(api.quickAdd).not.toHaveBeenCalled()
  })

  it('asks before saving an unsure reading, lists the readings, and saves the highlighted one on Enter', async () => {
    const user = userEvent.setup()
    api.quickAdd.mockResolvedValue(ok(makeCard({ title: 'Call Jenny' })))
    render(<QuickAdd />)
    await user.type(box(), 'Call Jenny next Friday')
    await screen.findByText(/Check before saving: That can be read more than one way\./)
    const choices = screen.getAllByRole('option')
    expect(choices.map((c) => c.textContent)).toEqual(['Fri, Mar 21 · all day', 'Fri, Mar 14 · all day'])
    expect(choices.map((c) => c.getAttribute('aria-selected'))).toEqual(['true', 'false'])
    await user.keyboard('{ArrowDown}')
    expect(screen.getAllByRole('option').map((c) => c.getAttribute('aria-selected'))).toEqual(['false', 'true'])
    expect(description()).toMatch(/promised by Fri, Mar 14/)
    await user.keyboard('{Enter}')
    expect(api.quickAdd).toHaveBeenCalledWith({ text: 'Call Jenny next Friday', locale: 'en-US', choice: 1, confirmed: true })
  })

  it('never saves a line with a question before its preview was shown', async () => {
    const user = userEvent.setup()
    const line = 'Call Jenny at 11pm tomorrow'
    const waiting: (() => void)[] = []
    const answer = async (text: string) => {
      try {
        return ok(parseQuickAdd(text, NOW))
      } catch (error) {
        return fail('invalid_input', (error as DomainError).message)
      }
    }
    // The service's reading of the whole line is still on its way when Enter arrives.
    api.parseQuickAdd.mockImplementation(({ text }) => (text === line ? new Promise((resolve) => waiting.push(() => resolve(answer(text)))) : answer(text)))
    render(<QuickAdd />)
    await user.type(box(), `${line}{Enter}`)
    await waitFor(() => expect(waiting.length).toBe(2))
    for (const release of waiting) release()
    await screen.findByText(/Check before saving: That is at night\./)
    expect(api.quickAdd).not.toHaveBeenCalled()
  })

  it('shows which known client the line matched', async () => {
    const user = userEvent.setup()
    const clients = [{ name: 'Jenny Rivera', company: 'Acme Corp', phone: '248-867-5309' }]
    api.parseQuickAdd.mockImplementation(async ({ text }) => {
      try {
        return ok(parseQuickAdd(text, NOW, { clients }))
      } catch (error) {
        return fail('invalid_input', (error as DomainError).message)
      }
    })
    render(<QuickAdd />)
    await user.type(box(), 'call jenny fri')
    await screen.findByText('Known client: Jenny Rivera, Acme Corp')
    expect(description()).toMatch(/for Jenny Rivera, Acme Corp, promised by Fri, Mar 14 · 248-867-5309/)
  })

  it('Ctrl+N and / jump to the box from anywhere on the page', async () => {
    const user = userEvent.setup()
    render(
      <>
        <button>Elsewhere</button>
        <QuickAdd />
      </>,
    )
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }))
    await user.keyboard('{Control>}n{/Control}')
    expect(document.activeElement).toBe(box())
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }))
    await user.keyboard('/')
    expect(document.activeElement).toBe(box())
    // The slash moved focus; it was not typed.
    expect((box() as HTMLInputElement).value).toBe('')
  })
})
