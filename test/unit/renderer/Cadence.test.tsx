// @vitest-environment jsdom
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { QuickAdd } from '../../../renderer/features/board/QuickAdd'
import { api as realApi } from '../../../renderer/lib/api'
import { mockApi, ok } from './support'

vi.mock('../../../renderer/lib/api', async () => (await import('./support')).apiModule())
const api = mockApi(realApi)

const DRAFT = { title: 'Call Jenny Rivera', client: { name: 'Jenny Rivera' }, channel: 'phone' as const, dueAt: '2025-03-14T15:00:00.000Z', allDay: false }

beforeEach(() => {
  vi.clearAllMocks()
  api.parseQuickAdd.mockResolvedValue(ok({ draft: DRAFT, confirm: [], alternatives: [] }))
})

describe("quick add and the client's cadence", () => {
  it('warns, without blocking, when the new follow-up would pester the client', async () => {
    api.checkCadence.mockResolvedValue(
      ok({ withinCadence: false, touches: 1, maxTouches: 1, windowDays: 7, lastTouchAt: '2025-03-10T09:00:00.000Z', suggestedAt: '2025-03-17T09:00:00.000Z' }),
    )
    render(<QuickAdd />)
    await userEvent.type(screen.getByRole('textbox', { name: 'Quick add' }), 'Call Jenny Rivera Friday 4pm')
    const warning = await screen.findByText(/Easy on Jenny Rivera/)
    expect(warning.textContent).toMatch(/last in touch on Mon, Mar 10(, 2025)? \(at most 1 per 7 days\)\. Mon, Mar 17(, 2025)? or later would fit\. You can still add it\./)
    expect(api.checkCadence).toHaveBeenLastCalledWith({ client: 'Jenny Rivera', at: DRAFT.dueAt })
  })

  it('says nothing when the follow-up fits the cadence', async () => {
    api.checkCadence.mockResolvedValue(ok({ withinCadence: true, touches: 0, maxTouches: 1, windowDays: 7 }))
    render(<QuickAdd />)
    await userEvent.type(screen.getByRole('textbox', { name: 'Quick add' }), 'Call Jenny Rivera Friday 4pm')
    await screen.findByText(/“Call Jenny Rivera” for Jenny Rivera/)
    await vi.waitFor(() => expect(api.checkCadence).toHaveBeenCalled())
    expect(screen.queryByText(/Easy on/)).toBeNull()
  })
})
