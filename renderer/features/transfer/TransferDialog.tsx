import { useEffect, useState } from 'react'
import type { CsvCheck, CsvField, CsvImportResult, CsvMapping, CsvPreview } from '../../../electron/contract'
import { Modal } from '../../components/Modal'
import { api } from '../../lib/api'
import { downloadText } from '../../lib/download'
import './transfer.css'
import { countOf } from '../../../electron/contract/format'

/** A chosen file's text (FileReader: in every browser, Electron and jsdom). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error)
    reader.readAsText(file)
  })
}

const FIELDS: { field: CsvField; label: string; required?: boolean }[] = [
  { field: 'title', label: 'Title', required: true },
  { field: 'client', label: 'Client', required: true },
  { field: 'company', label: 'Company' },
  { field: 'phone', label: 'Phone' },
  { field: 'email', label: 'Email' },
  { field: 'promisedBy', label: 'Promised by', required: true },
  { field: 'promisedTime', label: 'Time (if in its own column)' },
  { field: 'myTarget', label: 'My target' },
  { field: 'value', label: 'Value' },
  { field: 'currency', label: 'Currency' },
  { field: 'status', label: 'Done / status' },
  { field: 'completedAt', label: 'Completed at' },
  { field: 'notes', label: 'Notes' },
]

const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`

/** "Imported 3 follow-ups from leads.csv (1 already done). Skipped 1 row with a problem and 2 already on the board." */
function importedMessage(name: string, result: CsvImportResult): string {
  const done = result.done > 0 ? ` (${result.done} already done)` : ''
  const skipped = [
    result.skipped > 0 ? `${rows(result.skipped)} with ${result.skipped === 1 ? 'a problem' : 'problems'}` : '',
    result.duplicates > 0 ? `${result.duplicates} already on the board` : '',
  ].filter(Boolean)
  return `Imported ${countOf(result.created, 'follow-up')} from ${name}${done}.${skipped.length > 0 ? ` Skipped ${skipped.join(' and ')}.` : ''}`
}

/** The import button says what it will do: "Import 3 rows", or "Import the 3 good rows, skip 1". */
function importLabel(check: CsvCheck): string {
  if (check.good === 0) return 'Nothing new to import'
  if (check.skippedCount === 0) return `Import ${rows(check.good)}`
  return `Import the ${check.good} good ${check.good === 1 ? 'row' : 'rows'}, skip ${check.skippedCount}`
}

type Problem = { message: string; rows: [string, string][] }

/** Export the data (JSON, calendar) and bring data in (JSON from another install, CSV from a spreadsheet). */
export function TransferDialog({ onClose, onDone, readOnly }: { onClose(): void; onDone(message: string): void; readOnly?: boolean }) {
  const [problem, setProblem] = useState<Problem | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [json, setJson] = useState<{ name: string; text: string } | null>(null)
  const [mode, setMode] = useState<'merge' | 'replace'>('merge')
  const [confirming, setConfirming] = useState(false)
  const [csv, setCsv] = useState<{ name: string; text: string; preview: CsvPreview } | null>(null)
  const [mapping, setMapping] = useState<CsvMapping>({})
  const [check, setCheck] = useState<CsvCheck | null>(null)

  // Every change of file or mapping is read again by the service: what would be imported, skipped, or is already there.
  useEffect(() => {
    setCheck(null)
    if (!csv) return
    let current = true
    void api.checkCsv({ text: csv.text, mapping }).then((result) => {
      if (!current) return
      if (result.ok) setProblem(null)
      else setProblem({ message: result.error.message, rows: [] })
      setCheck(result.ok ? result.value : null)
    })
    return () => {
      current = false
    }
  }, [csv, mapping])

  const fail = (error: { message: string; fields?: Record<string, string> }) => {
    setStatus(null)
    setProblem({ message: error.message, rows: Object.entries(error.fields ?? {}).filter(([key]) => key.startsWith('row ')) })
  }

  async function exportJson() {
    const result = await api.exportData({})
    if (!result.ok) return fail(result.error)
    downloadText(result.value.filename, result.value.json, { type: 'application/json' })
    setStatus(`Saved ${result.value.filename}.`)
  }

  async function exportIcs() {
    const result = await api.exportIcs({})
    if (!result.ok) return fail(result.error)
    downloadText(result.value.filename, result.value.ics, { type: 'text/calendar;charset=utf-8' })
    setStatus(`Saved ${result.value.filename}.`)
  }

  async function importJson() {
    if (!json) return
    const result = await api.importData({ json: json.text, mode })
    setConfirming(false)
    if (!result.ok) return fail(result.error)
    const { added, updated, unchanged, removed } = result.value
    const message = `Imported ${json.name}: ${added} added, ${updated} updated, ${unchanged} unchanged${mode === 'replace' ? `, ${removed} removed` : ''}.`
    setJson(null)
    onDone(message)
    onClose()
  }

  async function chooseCsv(file: File | undefined) {
    setProblem(null)
    setCsv(null)
    if (!file) return
    const text = await readText(file).catch(() => null)
    if (text === null) return fail({ message: `${file.name} could not be read.` })
    const result = await api.previewCsv({ text })
    if (!result.ok) return fail(result.error)
    setCsv({ name: file.name, text, preview: result.value })
    setMapping(result.value.guessedMapping)
  }

  async function importCsv() {
    if (!csv || !check) return
    const result = await api.importCsv({ text: csv.text, mapping, skipBad: check.skippedCount > 0 })
    if (!result.ok) return fail(result.error)
    onDone(importedMessage(csv.name, result.value))
    onClose()
  }

  return (
    <Modal title="Import / export" onClose={onClose}>
      <div className="transfer">
        <section aria-labelledby="transfer-export">
          <h3 id="transfer-export">Export</h3>
          <div className="transfer__buttons">
            <button onClick={() => void exportJson()}>Export JSON</button>
            <button onClick={() => void exportIcs()}>Export calendar (ICS)</button>
          </div>
          <p className="form__hint">JSON holds everything (a backup, or to move to another computer). The calendar has one 15-minute event per open follow-up at your own target.</p>
        </section>

        <section aria-labelledby="transfer-json">
          <h3 id="transfer-json">Import JSON</h3>
          <label className="transfer__file">
            JSON file{' '}
            <input
              type="file"
              accept=".json,application/json"
              disabled={readOnly}
              onChange={async (event) => {
                const file = event.target.files?.[0]
                setProblem(null)
                setConfirming(false)
                const text = file ? await readText(file).catch(() => null) : null
                if (file && text === null) fail({ message: `${file.name} could not be read.` })
                setJson(file && text !== null ? { name: file.name, text } : null)
              }}
            />
          </label>
          <fieldset className="transfer__mode">
            <legend>How</legend>
            <label>
              <input type="radio" name="import-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} /> Merge: add new follow-ups, take the newer version of ones you have
            </label>
            <label>
              <input type="radio" name="import-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} /> Replace everything with the file
            </label>
          </fieldset>
          {confirming && json ? (
            <div className="transfer__confirm" role="group" aria-label="Confirm import">
              <p>
                {mode === 'replace'
                  ? `Replace all your follow-ups, contacts and settings with ${json.name}? What you have now stays in today’s backup (backups/follow-through.backup-….json) only until your next change, so export JSON first if you may want it back.`
                  : `Merge ${json.name} into your follow-ups? Your settings stay as they are.`}
              </p>
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>{' '}
              <button type="button" className="primary" onClick={() => void importJson()}>
                {mode === 'replace' ? 'Replace my data' : 'Merge'}
              </button>
            </div>
          ) : (
            <button disabled={!json || readOnly} onClick={() => setConfirming(true)}>
              Import JSON…
            </button>
          )}
        </section>

        <section aria-labelledby="transfer-csv">
          <h3 id="transfer-csv">Import CSV</h3>
          <label className="transfer__file">
            CSV file <input type="file" accept=".csv,text/csv" disabled={readOnly} onChange={(event) => void chooseCsv(event.target.files?.[0])} />
          </label>
          {csv && (
            <>
              <p className="form__hint">
                {csv.preview.source ? `Recognised a ${csv.preview.source} export. ` : ''}
                {rows(csv.preview.rowCount)} in {csv.name}. Choose the column for each field; Title, Client (or Company) and Promised by are needed. Rows already on the board (same client, title and promised date) are skipped.
              </p>
              <table className="transfer__mapping" aria-label="Column mapping">
                <tbody>
                  {FIELDS.map(({ field, label, required }) => (
                    <tr key={field}>
                      <th scope="row">
                        <label htmlFor={`map-${field}`}>
                          {label}
                          {required ? ' *' : ''}
                        </label>
                      </th>
                      <td>
                        <select
                          id={`map-${field}`}
                          value={mapping[field] ?? ''}
                          onChange={(event) => {
                            const value = event.target.value
                            setMapping((current) => {
                              const next = { ...current }
                              if (value === '') delete next[field]
                              else next[field] = Number(value)
                              return next
                            })
                          }}
                        >
                          <option value="">— not imported —</option>
                          {csv.preview.headers.map((header, index) => (
                            <option key={index} value={index}>
                              {header || `Column ${index + 1}`}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="transfer__preview">
                <table aria-label="First rows">
                  <thead>
                    <tr>
                      {csv.preview.headers.map((header, index) => (
                        <th key={index} scope="col">
                          {header}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {csv.preview.rows.map((row, r) => (
                      <tr key={r}>
                        {csv.preview.headers.map((_, c) => (
                          <td key={c}>{row[c] ?? ''}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {check && (
                <div className="transfer__check" role="status" aria-label="What will be imported">
                  <p>
                    {rows(check.good)} to import{check.done > 0 ? ` (${check.done} already done, straight to Done)` : ''}
                    {check.duplicates > 0 ? `; ${check.duplicates} already on the board, skipped` : ''}
                    {check.skippedCount > 0 ? `; ${rows(check.skippedCount)} with problems, skipped:` : '.'}
                  </p>
                  {check.skippedCount > 0 && (
                    <>
                      <ul aria-label="Skipped rows">
                        {check.skipped.map(({ row, message }) => (
                          <li key={row}>
                            Row {row}: {message}
                          </li>
                        ))}
                      </ul>
                      <button type="button" onClick={() => downloadText(csv.name.replace(/\.csv$/i, '') + '-skipped.csv', check.skippedCsv, { type: 'text/csv;charset=utf-8', byteOrderMark: true })}>
                        Download skipped rows
                      </button>
                    </>
                  )}
                </div>
              )}
              <button className="primary" disabled={!check || check.good === 0 || readOnly} onClick={() => void importCsv()}>
                {check ? importLabel(check) : problem ? 'Import' : 'Checking the rows…'}
              </button>
            </>
          )}
        </section>

        {problem && (
          <div className="form__error" role="alert">
            <p>{problem.rows.length > 0 ? problem.message.replace(/ row \d+:.*$/, '') : problem.message}</p>
            {problem.rows.length > 0 && (
              <ul aria-label="Problems per row">
                {problem.rows.map(([row, message]) => (
                  <li key={row}>
                    {row[0].toUpperCase() + row.slice(1)}: {message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {status && <p role="status">{status}</p>}
        <div className="form__actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Modal>
  )
}
