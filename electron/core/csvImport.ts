import Papa from 'papaparse'
import { z } from 'zod'
import { createFollowUp } from './commands'
import { CSV_FIELD_LABELS, CSV_FIELDS, guessMapping, recogniseExport, type CsvField, type CsvMapping } from './csvColumns'
import { parseDateCell, type DateReading } from './csvDates'
import { DomainError } from './errors'
import type { FollowUpDraft } from './inputs'
import { DEFAULT_LOCALE, defaultCurrencyOf, writesDayFirst } from './localeFormat'
import type { Data, FollowUp } from './schema'

/**
 * Follow-ups from a spreadsheet or a CRM's export. The first row names the
 * columns; a mapping says which column (by index) holds each field. Rows that
 * cannot be read are skipped and listed (with their cells, to fix and import
 * again); rows already on the board (same client, title and promised date) are
 * skipped as duplicates, so importing the same file twice adds nothing.
 */
export { CSV_FIELDS, CSV_FIELD_LABELS, guessMapping, type CsvField, type CsvMapping } from './csvColumns'
export { parseDateCell } from './csvDates'

export const REQUIRED_CSV_FIELDS: readonly CsvField[] = ['title', 'client', 'promisedBy']

/** Column index per field; a field left out is not imported. */
const column = z.number().int().min(0).max(999).optional()
export const CsvMappingInput = z.object(Object.fromEntries(CSV_FIELDS.map((field) => [field, column])) as Record<CsvField, typeof column>).strict()

/** More rows than anyone keeps promises for; keeps one import quick. */
export const MAX_CSV_ROWS = 10_000

export interface CsvPreview {
  headers: string[]
  /** The first 5 data rows. */
  rows: string[][]
  rowCount: number
  guessedMapping: CsvMapping
  /** The CRM export the headers were recognised as, e.g. "Pipedrive activities". */
  source?: string
}

export interface CsvRowError {
  /** The row's line in a spreadsheet: the header is row 1. */
  row: number
  message: string
}

export interface CsvSkippedRow extends CsvRowError {
  cells: string[]
}

export interface CsvOutcome {
  data: Data
  created: FollowUp[]
  /** Rows with a problem, in file order. */
  skipped: CsvSkippedRow[]
  /** Rows already on the board, or earlier in the same file. */
  duplicates: number
  /** The skipped rows as a CSV (the file's header plus a Problem column), to fix and import again. */
  skippedCsv: string
}

/** Values a status or "done" column holds for a finished task, across the CRMs (Pipedrive "Done", HubSpot "Completed", Close "true"). */
const DONE_VALUES = new Set(['done', 'completed', 'complete', 'closed', 'true', 'yes', 'y', '1', 'x', 'erledigt', 'abgeschlossen'])

function parseTable(text: string): { table: string[][]; problems: Map<number, string> } {
  const result = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { header: false, skipEmptyLines: 'greedy' })
  // A row with more or fewer cells than the header is still read; broken quoting is not.
  const problems = new Map(result.errors.filter((error) => error.type === 'Quotes').map((error) => [(error.row ?? 0) + 1, `${error.message}.`]))
  return { table: result.data.map((row) => row.map((cell) => String(cell ?? ''))), problems }
}

export function csvPreview(text: string): CsvPreview {
  const { table } = parseTable(text)
  const [headers, ...rows] = table
  if (!headers || headers.every((h) => h.trim() === '')) throw new DomainError('invalid_input', 'The file is empty: the first row should name the columns.')
  const source = recogniseExport(headers)
  return { headers: headers.map((h) => h.trim()), rows: rows.slice(0, 5), rowCount: rows.length, guessedMapping: guessMapping(headers), ...(source ? { source } : {}) }
}

const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' }

/** "2,500.50", "2.500,50 €", "$800": the decimal mark is whichever of . and , comes last with one or two digits after it. */
function parseValue(cell: string): { amount: number; currency?: string } | null {
  const text = cell.trim()
  const symbol = [...text].find((ch) => ch in SYMBOLS)
  const code = /\b([A-Z]{3})\b/.exec(text)?.[1]
  const digits = text.replace(/[\s$€£¥]|\b[A-Z]{3}\b/g, '')
  const decimal = /[.,](\d{1,2})$/.exec(digits)
  const whole = decimal ? digits.slice(0, decimal.index) : digits
  if (!/^\d{1,3}([.,']?\d{3})*$|^\d+$/.test(whole)) return null
  const amount = Number(`${whole.replace(/[.,']/g, '')}${decimal ? `.${decimal[1]}` : ''}`)
  return { amount, currency: code ?? (symbol ? SYMBOLS[symbol] : undefined) }
}

function issueMessage(error: unknown): string {
  if (error instanceof DomainError) return error.message
  if (error instanceof z.ZodError) {
    const [issue] = error.issues
    return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message
  }
  return 'This row could not be read.'
}

/** HubSpot writes an associated contact as "Jenny Rivera (jenny@acme.example)": the name, and the address when no column has one. */
function splitContact(cell: string): { name: string; email?: string } {
  const match = /^(.*?)\s*[(<]\s*([^()<>\s]+@[^()<>\s]+)\s*[)>]$/.exec(cell)
  return match && match[1] ? { name: match[1], email: match[2] } : { name: cell }
}

interface RowContext {
  now: Date
  reading: DateReading
  currency: string
}

interface RowDraft {
  draft: FollowUpDraft
  /** Set when the row says the task is already done. */
  completedAt?: Date
}

function draftFromRow(cells: string[], mapping: CsvMapping, ctx: RowContext): RowDraft | string {
  const cell = (field: CsvField) => {
    const index = mapping[field]
    return index === undefined ? '' : (cells[index] ?? '').trim()
  }
  // A task on a company with no contact person is promised to the company.
  const contact = splitContact(cell('client') || cell('company'))
  const missing = REQUIRED_CSV_FIELDS.filter((field) => (field === 'client' ? contact.name : cell(field)) === '').map((field) => CSV_FIELD_LABELS[field])
  if (missing.length > 0) return `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} empty.`
  const due = parseDateCell(cell('promisedBy'), ctx.now, ctx.reading, cell('promisedTime'))
  if (!due) {
    const time = cell('promisedTime') ? ` at “${cell('promisedTime')}”` : ''
    return `Promised by “${cell('promisedBy')}”${time} is not a date (use e.g. 2026-12-01, ${ctx.reading.dayFirst ? '01/12/2026' : '12/01/2026'} or “Dec 1 2026 4pm”).`
  }
  let targetAt: string | undefined
  if (cell('myTarget') !== '') {
    const target = parseDateCell(cell('myTarget'), ctx.now, ctx.reading)
    if (!target) return `My target “${cell('myTarget')}” is not a date.`
    targetAt = target.at.toISOString()
  }
  let value: FollowUpDraft['value']
  if (cell('value') !== '') {
    const parsed = parseValue(cell('value'))
    if (!parsed) return `Value “${cell('value')}” is not a number.`
    value = { amount: parsed.amount, currency: (cell('currency') || parsed.currency || ctx.currency).toUpperCase() }
  }
  let completedAt: Date | undefined
  if (DONE_VALUES.has(cell('status').toLowerCase())) {
    const completed = cell('completedAt') ? parseDateCell(cell('completedAt'), ctx.now, ctx.reading) : null
    if (cell('completedAt') && !completed) return `Completed at “${cell('completedAt')}” is not a date.`
    // Without its own date, a finished task counts as done by its deadline (or now, if that is still ahead).
    completedAt = new Date(Math.min((completed ?? due).at.getTime(), ctx.now.getTime()))
  }
  const optional = (text: string) => (text === '' ? undefined : text)
  const email = optional(cell('email')) ?? contact.email
  const company = cell('client') ? optional(cell('company')) : undefined
  return {
    draft: {
      title: cell('title'),
      client: { name: contact.name, company, phone: optional(cell('phone')), email },
      channel: email ? 'email' : optional(cell('phone')) ? 'phone' : 'other',
      dueAt: due.at.toISOString(),
      allDay: due.allDay,
      ...(targetAt ? { targetAt } : {}),
      notes: cell('notes'),
      ...(value ? { value } : {}),
    },
    completedAt,
  }
}

/** Same client, title and promised date (the instant, so an all-day date matches its end of day). */
const duplicateKey = (followUp: Pick<FollowUp, 'title' | 'client' | 'dueAt'>) =>
  [followUp.client.name, followUp.title].map((text) => text.trim().toLocaleLowerCase()).join('\u0000') + `\u0000${Date.parse(followUp.dueAt)}`

/** A row that is already done: created just before its deadline or completion (the file does not say when it was promised), then completed. */
function createDone(base: Data, row: RowDraft & { completedAt: Date }, id: string): FollowUp {
  const due = Date.parse(row.draft.dueAt)
  const madeAt = new Date(Math.min(due, row.completedAt.getTime()) - 60_000)
  const { followUp } = createFollowUp(base, row.draft, madeAt, id)
  const at = row.completedAt.toISOString()
  return { ...followUp, completedAt: at, history: [...followUp.history, { type: 'completed', at }] }
}

function skippedCsv(headers: string[], skipped: CsvSkippedRow[]): string {
  if (skipped.length === 0) return ''
  const width = headers.length
  const rows = skipped.map(({ cells, message }) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')].slice(0, width).concat(message))
  return Papa.unparse({ fields: [...headers, 'Problem'], data: rows }, { escapeFormulae: true, newline: '\r\n' })
}

/**
 * Reads every row: the follow-ups the good ones make (not yet added), the rows
 * skipped with their reasons, and the duplicates. `locale` decides whether
 * 03/04/2026 is March or April, and the currency of an amount without one.
 */
export function importCsv(data: Data, text: string, mapping: CsvMapping, now: Date, newId: () => string, locale: string = DEFAULT_LOCALE): CsvOutcome {
  const unmapped = REQUIRED_CSV_FIELDS.filter((field) => mapping[field] === undefined && !(field === 'client' && mapping.company !== undefined))
  if (unmapped.length > 0) throw new DomainError('invalid_input', `Choose a column for ${unmapped.map((f) => CSV_FIELD_LABELS[f]).join(', ')}.`)
  const { table, problems } = parseTable(text)
  const [headers, ...rows] = table
  if (!headers || rows.length === 0) throw new DomainError('invalid_input', 'The file has no rows to import below its header row.')
  const width = headers.length
  for (const [field, index] of Object.entries(mapping)) {
    if (index !== undefined && index >= width) throw new DomainError('invalid_input', `${CSV_FIELD_LABELS[field as CsvField]} is mapped to column ${index + 1}, but the file has ${width}.`)
  }
  if (rows.length > MAX_CSV_ROWS) throw new DomainError('invalid_input', `The file has ${rows.length} rows; import at most ${MAX_CSV_ROWS} at a time.`)

  const ctx: RowContext = { now, reading: { dayFirst: writesDayFirst(locale) }, currency: defaultCurrencyOf(locale) }
  // Each row is created against the settings only, then all are appended at once (linear in the rows).
  const base: Data = { ...data, followUps: [] }
  const seen = new Set(data.followUps.map(duplicateKey))
  const created: FollowUp[] = []
  const skipped: CsvSkippedRow[] = []
  let duplicates = 0
  rows.forEach((cells, i) => {
    const row = i + 2
    const skip = (message: string) => skipped.push({ row, message, cells })
    const problem = problems.get(row)
    if (problem) return skip(problem)
    const parsed = draftFromRow(cells, mapping, ctx)
    if (typeof parsed === 'string') return skip(parsed)
    try {
      const followUp = parsed.completedAt ? createDone(base, { ...parsed, completedAt: parsed.completedAt }, newId()) : createFollowUp(base, parsed.draft, now, newId()).followUp
      const key = duplicateKey(followUp)
      if (seen.has(key)) {
        duplicates++
        return
      }
      seen.add(key)
      created.push(followUp)
    } catch (error) {
      skip(issueMessage(error))
    }
  })
  return {
    data: created.length > 0 ? { ...data, followUps: [...data.followUps, ...created] } : data,
    created,
    skipped,
    duplicates,
    skippedCsv: skippedCsv(headers, skipped),
  }
}
