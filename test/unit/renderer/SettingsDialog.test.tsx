// @vitest-environment jsdom
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../electron/core/schema'
import { SettingsDialog } from '../../../renderer/features/settings/SettingsDialog'
import { api as realApi } from '../../../renderer/lib/api'
import { fail, mockApi, ok } from './support'

vi.mock('../../../renderer/lib/api', async () => (await import('./support')).apiModule())
const api = mockApi(realApi)

beforeEach(() => {
  vi.clearAllMocks()
  api.getSettings.mockResolvedValue(ok(DEFAULT_SETTINGS))
  api.updateSettings.mockImplementation(async (input) => ok({ ...DEFAULT_SETTINGS, ...input } as typeof DEFAULT_SETTINGS))
  // The Calendar sync panel inside the dialog loads its own settings.
  api.getSyncSettings.mockResolvedValue(ok({ enabled: false, serverUrl: '', username: '', hasPassword: false, passwordStorage: 'in a file' }))
  api.getSyncStatus.mockResolvedValue(ok({ state: 'off', pending: 0, flags: [] }))
})

describe('settings', () => {
  it('edits quiet hours, the cadence, follow-through and the "Deal won" steps, and saves them together', async () => {
    const onSaved = vi.fn()
    render(<SettingsDialog onClose={vi.fn()} onSaved={onSaved} />)
    const user = userEvent.setup()
    await user.click(await screen.findByLabelText('Quiet hours: hold reminders until they end'))
    const title = screen.getByLabelText('Deal won step 1 title')
    await user.clear(title)
    await user.type(title, 'Send {{client} a handwritten card')
    await user.click(screen.getByRole('button', { name: 'Add a step to “Deal won”' }))
    const maxTouches = screen.getByLabelText('At most this many touches per client')
    await user.clear(maxTouches)
    await user.type(maxTouches, '2')
    await user.click(screen.getByLabelText('Plan a check-in after each delivered promise'))
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    const saved = api.updateSettings.mock.calls[0][0]
    // Quiet hours are on by default (outside working hours); the click turned them off.
    expect(saved.quietHours).toEqual({ ...DEFAULT_SETTINGS.quietHours, enabled: false })
    expect(saved.sequences?.won.steps.map((step) => step.title)).toEqual(['Send {client} a handwritten card', 'Thank {client}'])
    expect(saved.cadence).toEqual({ maxTouches: 2, windowDays: 7 })
    expect(saved.followThrough).toEqual({ enabled: false, afterBusinessDays: 1 })
    expect(onSaved).toHaveBeenCalledWith('Settings saved.')
  })

  it('edits working hours and when reminders wait', async () => {
    render(<SettingsDialog onClose={vi.fn()} onSaved={vi.fn()} />)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('checkbox', { name: 'Friday' }))
    await user.click(screen.getByRole('checkbox', { name: 'Saturday' }))
    const end = screen.getByLabelText('Working hours end')
    await user.clear(end)
    await user.type(end, '18:30')
    await user.click(screen.getByRole('radio', { name: 'Between these times' }))
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    const saved = api.updateSettings.mock.calls[0][0]
    expect(saved.workingHours).toEqual({ days: [1, 2, 3, 4, 6], start: '09:00', end: '18:30' })
    expect(saved.quietHours).toEqual({ ...DEFAULT_SETTINGS.quietHours, outsideWorkingHours: false })
  })

  it('takes the keyboard focus, keeps Tab inside and closes on Escape', async () => {
    const onClose = vi.fn()
    render(
      <>
        <button>Behind</button>
        <SettingsDialog onClose={onClose} onSaved={vi.fn()} />
      </>,
    )
    const user = userEvent.setup()
    const dialog = screen.getByRole('dialog', { name: 'Settings' })
    expect(dialog.contains(document.activeElement)).toBe(true)
    await screen.findByLabelText('Aim this many business days before the promise')
    expect(document.activeElement).toBe(screen.getByLabelText('Aim this many business days before the promise'))
    for (let i = 0; i < 60; i++) {
      await user.tab()
      expect(dialog.contains(document.activeElement)).toBe(true)
    }
    await user.keyboard('{Escape}')
    expect(onClose).toHaveBeenCalled()
  })

  it('shows why the service refused the settings and keeps the dialog open', async () => {
    api.updateSettings.mockResolvedValue(fail('invalid_input', 'sequences.won.steps.0.title: Give the step a title.'))
    const onClose = vi.fn()
    render(<SettingsDialog onClose={onClose} onSaved={vi.fn()} />)
    const user = userEvent.setup()
    await user.clear(await screen.findByLabelText('Deal won step 1 title'))
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/Give the step a title/)
    expect(onClose).not.toHaveBeenCalled()
  })
})
