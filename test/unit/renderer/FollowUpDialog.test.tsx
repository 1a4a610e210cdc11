// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { FollowUpDialog } from '../../../renderer/features/board/FollowUpDialog'
import { api as realApi } from '../../../renderer/lib/api'
import { fail, makeCard, mockApi, ok } from './support'

vi.mock('../../../renderer/lib/api', async () => (await import('./support')).apiModule())
const api = mockApi(realApi)

const dialog = () => screen.getByRole('dialog', { name: 'New follow-up' })
const field = (name: string) => within(screen.getByRole('dialog')).getByLabelText(name, { exact: true, selector: 'input, select, textarea' })
const focused = () => document.activeElement

function open(props: Partial<Parameters<typeof FollowUpDialog>[0]> = {}) {
  const onClose = vi.fn()
  const onSaved = vi.fn()
  render(<FollowUpDialog onClose={onClose} onSaved={onSaved} {...props} />)
  return { onClose, onSaved }
}

beforeEach(() => {
  vi.clearAllMocks()
})

describe('the New follow-up dialog', () => {
  it('can be filled in and saved with the keyboard alone, in reading order', async () => {
    const user = userEvent.setup()
    api.create.mockResolvedValue(ok(makeCard({ title: 'Send the proposal' })))
    const { onClose, onSaved } = open()

    // Focus starts in Title; Tab walks the fields in the order they read, ending at the buttons.
    expect(focused()).toBe(field('Title'))
    await user.keyboard('Send the proposal')
    await user.tab()
    expect(focused()).toBe(field('Client'))
    await user.keyboard('Jenny Rivera')
    await user.tab()
    expect(focused()).toBe(field('Company'))
    await user.keyboard('Acme GmbH')
    await user.tab()
    expect(focused()).toBe(field('Phone'))
    await user.tab()
    expect(focused()).toBe(field('Email'))
    await user.keyboard('jenny@acme.example')
    await user.tab()
    expect(focused()).toBe(field('Channel'))
    await user.selectOptions(field('Channel'), 'Phone')
    await user.tab()
    expect(focused()).toBe(field('Promised by'))
    await user.keyboard('2025-03-14T16:00')
    await user.tab()
    // Each date can also be typed in words, next to its picker.
    expect(focused()).toBe(field('Promised by in words'))
    await user.tab()
    expect(focused()).toBe(field('My target'))
    await user.tab()
    expect(focused()).toBe(field('My target in words'))
    await user.tab()
    expect(focused()).toBe(field('Value'))
    await user.keyboard('2500')
    await user.tab()
    expect(focused()).toBe(field('Currency'))
    await user.keyboard('{Control>}a{/Control}eur')
    await user.tab()
    expect(focused()).toBe(field('Repeats'))
    await user.tab()
    expect(focused()).toBe(field('Notes'))
    await user.tab()
    expect(focused()).toBe(field('Anything else they need to decide?'))
    await user.keyboard('Which plan?{Enter}{Enter}  Start date? ')
    await user.tab()
    expect(focused()).toBe(screen.getByRole('button', { name: 'Cancel' }))
    await user.tab()
    const save = screen.getByRole('button', { name: 'Add follow-up' })
    expect(focused()).toBe(save)
    // Tab stays inside the dialog: past the last button it comes back to Title.
    await user.tab()
    expect(focused()).toBe(field('Title'))
    await user.tab({ shift: true })
    expect(focused()).toBe(save)

    await user.keyboard('{Enter}')
    expect(api.create).toHaveBeenCalledTimes(1)
    expect(api.create).toHaveBeenCalledWith({
      title: 'Send the proposal',
      client: { name: 'Jenny Rivera', company: 'Acme GmbH', phone: undefined, email: 'jenny@acme.example' },
      channel: 'phone',
      dueAt: new Date('2025-03-14T16:00:00+01:00').toISOString(),
      allDay: false,
      targetAt: undefined,
      notes: '',
      value: { amount: 2500, currency: 'EUR' },
      checklist: ['Which plan?', 'Start date?'],
    })
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(onSaved).toHaveBeenCalledWith('Added “Send the proposal”.')
  })

  it('Escape closes it without saving', async () => {
    const user = userEvent.setup()
    const { onClose } = open()
    await user.keyboard('Half a thought')
    await user.tab()
    await user.keyboard('{Escape}')
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(api.create).not.toHaveBeenCalled()
  })

  it('shows each of the service’s validation messages next to the field it is about', async () => {
    const user = userEvent.setup()
    api.create.mockResolvedValue(
      fail('invalid_input', 'Please check the highlighted fields.', {
        'client.name': 'Who is it for? Enter the client’s name.',
        dueAt: 'A promise must be in the future.',
        'client.email': 'That does not look like an email address.',
        'value.currency': 'Use a three-letter currency code such as USD.',
      }),
    )
    open()
    await user.type(field('Title'), 'Send the proposal')
    await user.type(field('Email'), 'jenny at acme')
    await user.click(field('Promised by'))
    await user.keyboard('2020-01-01T09:00')
    await user.type(field('Value'), '100')
    await user.clear(field('Currency'))
    await user.type(field('Currency'), 'eu')
    await user.click(screen.getByRole('button', { name: 'Add follow-up' }))

    // Each message is the accessible description of its own field, which is marked invalid.
    const client = await within(dialog()).findByRole('combobox', { name: 'Client', description: 'Who is it for? Enter the client’s name.' })
    expect(client.getAttribute('aria-invalid')).toBe('true')
    const promised = within(dialog()).getByLabelText('Promised by', { selector: 'input' })
    expect(promised.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(promised.getAttribute('aria-describedby')!)?.textContent).toBe('A promise must be in the future.')
    expect(within(dialog()).getByRole('textbox', { name: 'Email', description: 'That does not look like an email address.' })).toBeTruthy()
    expect(within(dialog()).getByRole('textbox', { name: 'Currency', description: 'Use a three-letter currency code such as USD.' })).toBeTruthy()
    // Fields the service had no complaint about stay unmarked.
    expect(field('Title').getAttribute('aria-invalid')).toBeNull()
    expect(field('Company').getAttribute('aria-invalid')).toBeNull()
    // The summary is announced, and the dialog stays open with what was typed.
    expect(within(dialog()).getByRole('alert').textContent).toBe('Please check the highlighted fields.')
    expect((field('Title') as HTMLInputElement).value).toBe('Send the proposal')
  })

  it('asks for the promised date itself before bothering the service', async () => {
    const user = userEvent.setup()
    open()
    await user.type(field('Title'), 'Send the proposal')
    await user.type(field('Client'), 'Jenny Rivera')
    await user.keyboard('{Enter}')
    expect(await within(dialog()).findByText('Pick the date and time you promised.')).toBeTruthy()
    expect(field('Promised by').getAttribute('aria-invalid')).toBe('true')
    expect(api.create).not.toHaveBeenCalled()
  })
})

describe('the Edit follow-up dialog', () => {
  const card = makeCard({
    id: 'fu-7',
    title: 'Send the proposal',
    client: { name: 'Jenny Rivera', company: 'Acme GmbH', phone: '248-867-5309' },
    channel: 'phone',
    dueAt: '2025-03-14T15:00:00.000Z',
    targetAt: '2025-03-13T15:00:00.000Z',
    value: { amount: 2500, currency: 'EUR' },
    notes: 'Annual price',
  })

  it('opens filled in with the card, and saves a new title as an update', async () => {
    const user = userEvent.setup()
    api.update.mockResolvedValue(ok(card))
    const { onSaved } = open({ card })
    expect(screen.getByRole('dialog', { name: 'Edit follow-up' })).toBeTruthy()
    expect((field('Title') as HTMLInputElement).value).toBe('Send the proposal')
    expect((field('Client') as HTMLInputElement).value).toBe('Jenny Rivera')
    expect((field('Company') as HTMLInputElement).value).toBe('Acme GmbH')
    expect((field('Phone') as HTMLInputElement).value).toBe('248-867-5309')
    expect((field('Channel') as HTMLSelectElement).value).toBe('phone')
    expect((field('Promised by') as HTMLInputElement).value).toBe('2025-03-14T16:00')
    expect((field('My target') as HTMLInputElement).value).toBe('2025-03-13T16:00')
    expect((field('Value') as HTMLInputElement).value).toBe('2500')
    expect((field('Currency') as HTMLInputElement).value).toBe('EUR')
    expect((field('Notes') as HTMLTextAreaElement).value).toBe('Annual price')

    await user.clear(field('Title'))
    await user.type(field('Title'), 'Send the revised proposal{Enter}')
    expect(api.update).toHaveBeenCalledWith({
      id: 'fu-7',
      patch: expect.objectContaining({ title: 'Send the revised proposal', client: expect.objectContaining({ name: 'Jenny Rivera' }) }),
    })
    // Same dates: nothing to renegotiate with the client.
    expect(api.reschedule).not.toHaveBeenCalled()
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('Saved “Send the revised proposal”.'))
  })

  it('moving the promised date asks whether the client was told and saves it with the other fields in one call', async () => {
    const user = userEvent.setup()
    api.update.mockResolvedValue(ok(card))
    open({ card })
    expect(screen.queryByRole('checkbox', { name: /tell the client/ })).toBeNull()
    await user.clear(field('Title'))
    await user.type(field('Title'), 'Send the revised proposal')
    await user.clear(field('Promised by'))
    await user.keyboard('2025-03-17T16:00')
    await user.click(screen.getByRole('checkbox', { name: 'Did you tell the client about the new date?' }))
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(api.update).toHaveBeenCalledTimes(1))
    expect(api.update).toHaveBeenCalledWith({
      id: 'fu-7',
      patch: expect.objectContaining({
        title: 'Send the revised proposal',
        dueAt: new Date('2025-03-17T16:00:00+01:00').toISOString(),
        allDay: false,
        targetAt: card.targetAt,
        toldClient: true,
      }),
    })
    expect(api.reschedule).not.toHaveBeenCalled()
  })

  it('sends a changed own target alone, without the promised date', async () => {
    const user = userEvent.setup()
    api.update.mockResolvedValue(ok(card))
    open({ card })
    await user.clear(field('My target'))
    await user.keyboard('2025-03-12T16:00')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(api.update).toHaveBeenCalledTimes(1))
    const { patch } = api.update.mock.calls[0][0]
    expect(patch.targetAt).toBe(new Date('2025-03-12T16:00:00+01:00').toISOString())
    expect(patch).not.toHaveProperty('dueAt')
    expect(patch).not.toHaveProperty('toldClient')
  })

  it('a title the service refuses is flagged on the Title field', async () => {
    const user = userEvent.setup()
    api.update.mockResolvedValue(fail('invalid_input', 'Please check the highlighted fields.', { 'patch.title': 'Say what you promised.' }))
    open({ card })
    await user.clear(field('Title'))
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(await within(screen.getByRole('dialog')).findByRole('textbox', { name: 'Title', description: 'Say what you promised.' })).toBeTruthy()
  })
})
