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
  it('maps CSV columns with a select per field and lists every bad row', async () => {
    const user = userEvent.setup()
    api.previewCsv.mockResolvedValue(
      ok({ headers: ['What', 'Who', 'When'], rows: [['Send it', 'Jenny', '2026-12-01']], rowCount: 1, guessedMapping: { client: 1 } }),
    )
    api.importCsv.mockResolvedValue(fail('invalid_input', 'Nothing was imported: 1 row has problems, and an import is all or nothing. Fix it and try again. row 2: Title is empty.', { 'row 2': 'Title is empty.' }))
    render(<TransferDialog onClose={() => {}} onDone={() => {}} />)
    await user.upload(screen.getByLabelText('CSV file'), csv('What,Who,When\nSend it,Jenny,2026-12-01\n'))
    expect(await screen.findByRole('table', { name: 'First rows' })).toBeTruthy()
    expect((screen.getByLabelText('Client *') as HTMLSelectElement).value).toBe('1')
    await user.selectOptions(screen.getByLabelText('Title *'), 'What')
    await user.selectOptions(screen.getByLabelText('Promised by *'), 'When')
    await user.click(screen.getByRole('button', { name: 'Import 1 row' }))
    expect(api.importCsv).toHaveBeenCalledWith({ text: 'What,Who,When\nSend it,Jenny,2026-12-01\n', mapping: { client: 1, title: 0, promisedBy: 2 } })
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(/^Nothing was imported: 1 row has problems.*try again\.Row 2: Title is empty\.$/)
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
