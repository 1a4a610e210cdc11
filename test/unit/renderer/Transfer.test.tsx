// @vitest-environment jsdom
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { TransferDialog } from '../../../renderer/features/transfer/TransferDialog'
import { api as realApi } from '../../../renderer/lib/api'
import { fail, mockApi, ok } from './support'

vi.mock('../../../renderer/lib/api', async () => (await import('./support')).apiModule())
const api = mockApi(realApi)

const csv = (text: string) => new File([text], 'leads.csv', { type: 'text/csv' })

describe('the import / export dialog', () => {
  it('maps CSV columns with a select per field, says what will be skipped, and imports the good rows', async () => {
    const user = userEvent.setup()
    const onDone = vi.fn()
    const text = 'What,Who,When\nSend it,Jenny,2026-12-01\n,Tom,2026-12-02\n'
    api.previewCsv.mockResolvedValue(
      ok({ headers: ['What', 'Who', 'When'], rows: [['Send it', 'Jenny', '2026-12-01']], rowCount: 2, guessedMapping: { client: 1 }, source: 'Pipedrive activities' }),
    )
    api.checkCsv.mockImplementation(async ({ mapping }) =>
      mapping.title === undefined
        ? fail('invalid_input', 'Choose a column for Title, Promised by.')
        : ok({ good: 1, done: 0, duplicates: 2, skipped: [{ row: 3, message: 'Title is empty.', cells: ['', 'Tom', '2026-12-02'] }], skippedCount: 1, skippedCsv: 'What,Who,When,Problem\r\n,Tom,2026-12-02,Title is empty.' }),
    )
    api.importCsv.mockResolvedValue(ok({ created: 1, done: 0, skipped: 1, duplicates: 2 }))
    render(<TransferDialog onClose={() => {}} onDone={onDone} />)
    await user.upload(screen.getByLabelText('CSV file'), csv(text))
    expect(await screen.findByRole('table', { name: 'First rows' })).toBeTruthy()
    expect(screen.getByText(/Recognised a Pipedrive activities export/)).toBeTruthy()
    expect((screen.getByLabelText('Client *') as HTMLSelectElement).value).toBe('1')
    expect((await screen.findByRole('alert')).textContent).toMatch(/Choose a column for Title, Promised by/)
    await user.selectOptions(screen.getByLabelText('Title *'), 'What')
    await user.selectOptions(screen.getByLabelText('Promised by *'), 'When')
    const summary = await screen.findByRole('status', { name: 'What will be imported' })
    expect(summary.textContent).toMatch(/^1 row to import; 2 already on the board, skipped; 1 row with problems, skipped:/)
    expect(screen.getByRole('list', { name: 'Skipped rows' }).textContent).toBe('Row 3: Title is empty.')
    expect(screen.getByRole('button', { name: 'Download skipped rows' })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Import the 1 good row, skip 1' }))
    expect(api.importCsv).toHaveBeenCalledWith({ text, mapping: { client: 1, title: 0, promisedBy: 2 }, skipBad: true })
    expect(onDone).toHaveBeenCalledWith('Imported 1 follow-up from leads.csv. Skipped 1 row with a problem and 2 already on the board.')
  })

  it('asks before replacing, and says where the old data stays', async () => {
    const user = userEvent.setup()
    const onDone = vi.fn()
    api.importData.mockResolvedValue(ok({ added: 2, updated: 0, unchanged: 1, contactsAdded: 0, removed: 3 }))
    render(<TransferDialog onClose={() => {}} onDone={onDone} />)
    await user.upload(screen.getByLabelText('JSON file'), new File(['{}'], 'export.json', { type: 'application/json' }))
    await user.click(screen.getByLabelText(/Replace everything/))
    await user.click(screen.getByRole('button', { name: 'Import JSON…' }))
    expect(screen.getByRole('group', { name: 'Confirm import' }).textContent).toMatch(/today’s backup .* until your next change/)
    await user.click(screen.getByRole('button', { name: 'Replace my data' }))
    expect(api.importData).toHaveBeenCalledWith({ json: '{}', mode: 'replace' })
    expect(onDone).toHaveBeenCalledWith('Imported export.json: 2 added, 0 updated, 1 unchanged, 3 removed.')
  })
})
