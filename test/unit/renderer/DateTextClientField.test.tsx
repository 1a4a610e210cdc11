// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { parseDateText, suggestClients } from '../../../electron/core/quickAdd'
import { DomainError } from '../../../electron/core/errors'
import { FollowUpDialog } from '../../../renderer/features/board/FollowUpDialog'
import { api as realApi } from '../../../renderer/lib/api'
import { fail, mockApi, ok } from './support'

vi.mock('../../../renderer/lib/api', async () => (await import('./support')).apiModule())
const api = mockApi(realApi)

/** Monday 10 March 2025, 10:00 in Berlin. */
const NOW = new Date('2025-03-10T10:00:00+01:00')
const KNOWN = [
  { name: 'Jenny Rivera', company: 'Acme Corp', phone: '248-867-5309', email: 'jenny@acme.example' },
  { name: 'Dave Jones', company: 'Globex' },
]

const field = (name: string) => within(screen.getByRole('dialog')).getByLabelText(name, { exact: true, selector: 'input, select, textarea' })
const value = (name: string) => (field(name) as HTMLInputElement).value

beforeEach(() => {
  vi.clearAllMocks()
  // The service's answers, computed by the core as it would over the wire.
  api.suggestClients.mockImplementation(async ({ prefix }) => ok({ clients: suggestClients(KNOWN, prefix) }))
  api.parseDate.mockImplementation(async ({ text }) => {
    try {
      return ok(parseDateText(text, NOW))
    } catch (error) {
      return fail('invalid_input', (error as DomainError).message)
    }
  })
  api.checkCadence.mockResolvedValue(ok({ withinCadence: true, touches: 0, maxTouches: 1, windowDays: 7 }))
})

describe('the client field of the follow-up form', () => {
  it('suggests known clients as the name is typed and fills in company, phone and email from the one picked', async () => {
    const user = userEvent.setup()
    render(<FollowUpDialog onClose={vi.fn()} onSaved={vi.fn()} />)
    await user.type(field('Client'), 'jen')
    const list = await screen.findByRole('listbox', { name: 'Known clients' })
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['Jenny RiveraAcme Corp'])
    await user.keyboard('{ArrowDown}{Enter}')
    expect([value('Client'), value('Company'), value('Phone'), value('Email')]).toEqual(['Jenny Rivera', 'Acme Corp', '248-867-5309', 'jenny@acme.example'])
    expect(screen.queryByRole('listbox', { name: 'Known clients' })).toBeNull()
    // Enter picked the suggestion; it did not submit the form.
    expect(api.create).not.toHaveBeenCalled()
  })

  it('↑ with no suggestion highlighted goes to the last one, ↓ from the last back to the first', async () => {
    const user = userEvent.setup()
    render(<FollowUpDialog onClose={vi.fn()} onSaved={vi.fn()} />)
    await user.type(field('Client'), 'j')
    const list = await screen.findByRole('listbox', { name: 'Known clients' })
    const names = within(list).getAllByRole('option').map((option) => option.textContent)
    expect(names.length).toBeGreaterThan(1)
    await user.keyboard('{ArrowUp}')
    expect(within(list).getByRole('option', { selected: true }).textContent).toBe(names.at(-1))
    await user.keyboard('{ArrowDown}')
    expect(within(list).getByRole('option', { selected: true }).textContent).toBe(names[0])
  })

  it('picks a suggestion with a click, and finds it by company despite a slip', async () => {
    const user = userEvent.setup()
    render(<FollowUpDialog onClose={vi.fn()} onSaved={vi.fn()} />)
    await user.type(field('Client'), 'globx')
    await user.click(await screen.findByRole('option', { name: /Dave Jones/ }))
    expect([value('Client'), value('Company')]).toEqual(['Dave Jones', 'Globex'])
  })
})

describe('a date typed in words', () => {
  it('is read by the service and shown in the picker next to it, with the date spelled out', async () => {
    const user = userEvent.setup()
    render(<FollowUpDialog onClose={vi.fn()} onSaved={vi.fn()} />)
    await user.type(field('Promised by in words'), 'fri 4pm')
    await waitFor(() => expect(value('Promised by')).toBe('2025-03-14T16:00'))
    expect(await screen.findByText('Fri, Mar 14, 4:00 PM')).toBeTruthy()
  })

  it('says what to type when the words hold no date, and Enter reads them instead of saving', async () => {
    const user = userEvent.setup()
    render(<FollowUpDialog onClose={vi.fn()} onSaved={vi.fn()} />)
    await user.type(field('Promised by in words'), 'whenever{Enter}')
    expect(await screen.findByText(/Type a date such as “fri 4pm”/)).toBeTruthy()
    expect(value('Promised by')).toBe('')
    expect(api.create).not.toHaveBeenCalled()
  })
})
