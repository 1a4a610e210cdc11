// @vitest-environment jsdom
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../electron/core/schema'
import { SettingsDialog } from '../../../renderer/features/settings/SettingsDialog'
import { api as realApi } from '../../../renderer/lib/api'
import { mockApi, ok } from './support'

vi.mock('../../../renderer/lib/api', async () => (await import('./support')).apiModule())
const api = mockApi(realApi)

beforeEach(() => {
  vi.clearAllMocks()
  api.systemLocale.mockReturnValue('en-US')
  api.updateSettings.mockImplementation(async (input) => ok({ ...DEFAULT_SETTINGS, ...input } as typeof DEFAULT_SETTINGS))
})

describe('the locale setting', () => {
  it('overrides the system’s locale, showing how dates and amounts will read', async () => {
    api.getSettings.mockResolvedValue(ok(DEFAULT_SETTINGS))
    render(<SettingsDialog onClose={vi.fn()} onSaved={vi.fn()} />)
    const user = userEvent.setup()
    const select = await screen.findByLabelText('Dates, times and amounts')
    // jsdom's system locale is en-US.
    expect(screen.getByText(/^For example: /).textContent).toBe('For example: Fri, Nov 27, 4:30 PM · $2,500.00')
    await user.selectOptions(select, 'en-GB')
    expect(screen.getByText(/^For example: /).textContent).toBe('For example: Fri 27 Nov, 16:30 · US$2,500.00')
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    expect(api.updateSettings.mock.calls[0][0].locale).toBe('en-GB')
  })

  it('names the locale the desktop app reports for the system (the OS’s regional one), not the page’s UI language', async () => {
    api.getSettings.mockResolvedValue(ok(DEFAULT_SETTINGS))
    api.systemLocale.mockReturnValue('en-GB')
    render(<SettingsDialog onClose={vi.fn()} onSaved={vi.fn()} />)
    await screen.findByLabelText('Dates, times and amounts')
    expect(screen.getByRole('option', { name: /^System/ }).textContent).toBe('System (British English)')
    expect(screen.getByText(/^For example: /).textContent).toBe('For example: Fri 27 Nov, 16:30 · US$2,500.00')
  })

  it('goes back to the system’s locale by dropping the override', async () => {
    api.getSettings.mockResolvedValue(ok({ ...DEFAULT_SETTINGS, locale: 'de-DE' }))
    render(<SettingsDialog onClose={vi.fn()} onSaved={vi.fn()} />)
    const user = userEvent.setup()
    const select = (await screen.findByLabelText('Dates, times and amounts')) as HTMLSelectElement
    expect(select.value).toBe('de-DE')
    expect(screen.getByText(/^For example: /).textContent?.replace(/\u00a0/g, ' ')).toBe('For example: Fr., 27. Nov., 16:30 · 2.500,00 $')
    await user.selectOptions(select, '')
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    expect(api.updateSettings.mock.calls[0][0].locale).toBeNull()
  })
})
