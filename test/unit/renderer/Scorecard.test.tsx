// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import type { Scorecard } from '../../../electron/contract'
import { App } from '../../../renderer/App'
import { api as realApi } from '../../../renderer/lib/api'
import { makeBoard, makeCard, mockApi, ok, pushBoard } from './support'

vi.mock('../../../renderer/lib/api', async () => (await import('./support')).apiModule())
const api = mockApi(realApi)

const counts = (early: number, onTime: number, renegotiated: number, missed: number) => {
  const total = early + onTime + renegotiated + missed
  return { early, onTime, renegotiated, missed, total, keptRate: total === 0 ? null : (early + onTime) / total }
}

const CARD: Scorecard = {
  generatedAt: '2026-11-27T11:00:00.000Z',
  totals: counts(2, 1, 1, 1),
  clients: [
    { client: 'Acme Corp', ...counts(2, 0, 0, 0) },
    { client: 'Brill, "The Big" & Co', ...counts(0, 1, 1, 0) },
    { client: 'Cole Ltd', ...counts(0, 0, 0, 1) },
  ],
  weeks: [
    { week: '2026-W47', weekStart: '2026-11-16', ...counts(1, 0, 0, 0) },
    { week: '2026-W48', weekStart: '2026-11-23', ...counts(1, 1, 1, 1) },
  ],
  medianMarginMs: 30 * 3_600_000,
  moneyAtStake: { overdue: [{ amount: 5_300, currency: 'EUR' }], atRisk: [{ amount: 800, currency: 'EUR' }], overdueCount: 2, atRiskCount: 1 },
}

const stat = (name: string) => within(screen.getByRole('dialog', { name: 'Scorecard' })).getByText(name, { selector: 'dt' }).nextElementSibling?.textContent

async function openScorecard() {
  render(<App />)
  await screen.findByRole('region', { name: 'Promised' })
  await userEvent.click(screen.getByRole('button', { name: 'Scorecard' }))
  return screen.findByRole('table', { name: 'Outcomes per client' })
}

beforeEach(() => {
  vi.restoreAllMocks()
  vi.clearAllMocks()
  api.getBoard.mockResolvedValue(ok(makeBoard([makeCard()], '2026-11-27T11:00:00.000Z')))
  api.getScorecard.mockResolvedValue(ok(CARD))
})

describe('the scorecard', () => {
  it('shows the kept rate, each outcome, the median margin and the money at stake', async () => {
    await openScorecard()
    expect(stat('Kept rate')).toBe('60%')
    expect(stat('Early')).toBe('2')
    expect(stat('On time')).toBe('1')
    expect(stat('Renegotiated')).toBe('1')
    expect(stat('Missed')).toBe('1')
    expect(stat('Median margin')).toBe('1 day 6 h early')
    expect(stat('Overdue (2)')).toMatch(/5,300/)
    expect(stat('At risk (1)')).toMatch(/800/)
    expect(api.getScorecard).toHaveBeenCalledWith({ weeks: 8 })
  })

  it('lists every client with its counts, and the weeks as a table next to the chart', async () => {
    const clients = await openScorecard()
    const brill = within(clients).getByRole('row', { name: /Brill, "The Big" & Co/ })
    expect(within(brill).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['0', '1', '1', '0', '2', '50%'])
    const week = within(screen.getByRole('table', { name: 'Outcomes per week' })).getByRole('row', { name: /Mon, Nov 23/ })
    expect(within(week).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['1', '1', '1', '1', '4', '50%'])
    expect(screen.getByRole('img', { name: /Outcomes per week over the last 2 weeks: 5 promises scored, 3 kept/ })).toBeTruthy()
  })

  it('counts again when a new board arrives', async () => {
    await openScorecard()
    expect(api.getScorecard).toHaveBeenCalledTimes(1)
    api.getScorecard.mockResolvedValue(ok({ ...CARD, totals: counts(3, 1, 1, 1) }))
    pushBoard(makeBoard([makeCard()], '2026-11-27T11:05:00.000Z'))
    await waitFor(() => expect(stat('Early')).toBe('3'))
    expect(stat('Kept rate')).toBe('67%')
  })

  it('downloads the CSV the service exports, under its file name', async () => {
    api.exportScorecardCsv.mockResolvedValue(ok({ filename: 'follow-through-scorecard-2026-11-27.csv', csv: 'Group,Name\r\nClient,Acme Corp' }))
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:scorecard')
    const original = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL }
    // jsdom has no object URLs.
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() })
    onTestFinished(() => void Object.assign(URL, original))
    const clicked: HTMLAnchorElement[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this)
    })
    await openScorecard()
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }))
    await waitFor(() => expect(clicked).toHaveLength(1))
    expect(clicked[0].download).toBe('follow-through-scorecard-2026-11-27.csv')
    expect(clicked[0].href).toBe('blob:scorecard')
    // jsdom's Blob has no text(); FileReader reads it.
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader()
      reader.onload = () => resolve(String(reader.result))
      reader.readAsText(createObjectURL.mock.calls[0][0])
    })
    expect(text).toContain('Client,Acme Corp')
  })
})
