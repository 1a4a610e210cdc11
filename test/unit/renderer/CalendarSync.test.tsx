// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CalendarSync } from '../../../renderer/features/settings/CalendarSync'
import { SyncIndicator } from '../../../renderer/features/settings/SyncIndicator'
import { publishSyncStatus } from '../../../renderer/features/settings/syncStatusStore'
import { api as realApi } from '../../../renderer/lib/api'
import { fail, mockApi, ok } from './support'

vi.mock('../../../renderer/lib/api', async () => (await import('./support')).apiModule())
const api = mockApi(realApi)

const COLLECTION = { url: 'https://dav.example.com/alice/follow-through/', name: 'Follow Through', tasks: true }
const SETTINGS = { enabled: false, serverUrl: '', username: '', hasPassword: false, passwordStorage: 'in /data/calendar-password, readable only by your user account (mode 0600)' }

beforeEach(() => {
  vi.clearAllMocks()
  api.getSyncSettings.mockResolvedValue(ok(SETTINGS))
  api.getSyncStatus.mockResolvedValue(ok({ state: 'off', pending: 0, flags: [] }))
  // The page keeps one sync state; each test starts from sync being off.
  publishSyncStatus({ state: 'off', pending: 0, flags: [] })
})

describe('Settings → Calendar sync', () => {
  it('waits for the stored settings before taking input, so nothing typed is overwritten when they arrive', async () => {
    let answer: (value: unknown) => void = () => {}
    api.getSyncSettings.mockReturnValue(new Promise((resolve) => (answer = resolve)) as never)
    render(<CalendarSync />)
    const address = screen.getByLabelText('Server address') as HTMLInputElement
    expect(address.matches(':disabled')).toBe(true)
    expect(screen.getByRole('button', { name: 'Test connection' }).matches(':disabled')).toBe(true)
    expect(screen.getByRole('button', { name: 'Save calendar sync' }).matches(':disabled')).toBe(true)
    await act(async () => answer(ok({ ...SETTINGS, serverUrl: 'https://dav.example.com/', username: 'alice', hasPassword: true })))
    expect(address.matches(':disabled')).toBe(false)
    expect(address.value).toBe('https://dav.example.com/')
    const user = userEvent.setup()
    await user.clear(address)
    await user.type(address, 'https://cloud.example.org/dav')
    expect(address.value).toBe('https://cloud.example.org/dav')
  })

  it('tests the connection, picks the calendar and saves, saying where the password is kept', async () => {
    api.testSyncConnection.mockResolvedValue(ok({ message: 'Connected to dav.example.com as alice: 1 calendar can hold tasks.', collections: [COLLECTION, { url: 'https://dav.example.com/alice/events/', name: 'Events', tasks: false }] }))
    api.saveSyncSettings.mockResolvedValue(ok({ ...SETTINGS, enabled: true, serverUrl: 'https://dav.example.com/', username: 'alice', collectionUrl: COLLECTION.url, hasPassword: true }))
    render(<CalendarSync />)
    const user = userEvent.setup()
    expect((await screen.findByText(/never written to the data file/)).textContent).toMatch(/mode 0600/)
    await user.type(screen.getByLabelText('Server address'), 'https://dav.example.com/')
    await user.type(screen.getByLabelText('User name'), 'alice')
    await user.type(screen.getByLabelText('Password'), 'secret')
    await user.click(screen.getByRole('button', { name: 'Test connection' }))
    expect(api.testSyncConnection).toHaveBeenCalledWith({ serverUrl: 'https://dav.example.com/', username: 'alice', password: 'secret' })
    await screen.findByText(/Connected to dav.example.com as alice/)
    // An event-only calendar cannot hold follow-ups, so it is not offered.
    const options = within(screen.getByLabelText('Calendar for follow-ups')).getAllByRole('option').map((option) => option.textContent)
    expect(options).toEqual(['Test the connection to list calendars', 'Follow Through'])
    await user.click(screen.getByRole('button', { name: 'Save calendar sync' }))
    expect(api.saveSyncSettings).toHaveBeenCalledWith({ serverUrl: 'https://dav.example.com/', username: 'alice', password: 'secret', enabled: true, collectionUrl: COLLECTION.url, collectionName: 'Follow Through' })
    await screen.findByText(/Calendar sync is on/)
  })

  it('shows a refused connection in the service’s words', async () => {
    api.testSyncConnection.mockResolvedValue(fail('invalid_input', 'dav.example.com refused the user name or password (401).'))
    render(<CalendarSync />)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Test connection' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/refused the user name or password \(401\)/)
  })

  it('asks about a promise deleted in the calendar, and answers with the person’s choice', async () => {
    api.getSyncSettings.mockResolvedValue(ok({ ...SETTINGS, enabled: true, serverUrl: 'https://dav.example.com/', username: 'alice', collectionUrl: COLLECTION.url, hasPassword: true }))
    api.getSyncStatus.mockResolvedValue(
      ok({ state: 'synced', pending: 0, lastSyncedAt: '2026-11-23T09:00:00.000Z', flags: [{ id: 'f1', title: 'Send the proposal', kind: 'deletedInCalendar', message: 'Deleted in your calendar: delete here too or put it back?' }] }),
    )
    api.resolveSyncFlag.mockResolvedValue(ok({ state: 'pending', pending: 1, flags: [] }))
    render(<CalendarSync />)
    const user = userEvent.setup()
    const flags = await screen.findByRole('list', { name: 'Calendar changes to confirm' })
    expect(flags.textContent).toMatch(/Send the proposal.*Deleted in your calendar/)
    await user.click(within(flags).getByRole('button', { name: 'Put it back' }))
    expect(api.resolveSyncFlag).toHaveBeenCalledWith({ id: 'f1', action: 'putBack' })
    await screen.findByText('1 change waiting to be sent.')
  })
})

describe('the header’s sync state', () => {
  it('shows nothing while sync is off, and the error with how to fix it otherwise', async () => {
    const { rerender } = render(<SyncIndicator onOpen={vi.fn()} />)
    await vi.waitFor(() => expect(api.getSyncStatus).toHaveBeenCalled())
    expect(screen.queryByRole('button')).toBeNull()

    api.getSyncStatus.mockResolvedValue(ok({ state: 'error', pending: 2, flags: [], error: 'dav.example.com refused the user name or password (401).' }))
    const onOpen = vi.fn()
    rerender(<SyncIndicator key="again" onOpen={onOpen} />)
    const button = await screen.findByRole('button', { name: /Calendar sync failed: .*401.*2 changes waiting.*nothing is lost.*Open Settings → Calendar sync to fix it/ })
    expect(button.textContent).toBe('Calendar sync problem')
    await userEvent.setup().click(button)
    expect(onOpen).toHaveBeenCalled()
  })
})
