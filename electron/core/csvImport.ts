import { strict } from 'chrono-node'
import Papa from 'papaparse'
import { z } from 'zod'
import { createFollowUp } from './commands'
import { DomainError } from './errors'
import type { FollowUpDraft } from './inputs'
import type { Data, FollowUp } from './schema'

/**
 * Follow-ups from a spreadsheet. The first row names the columns; a mapping says
 * which column (by index) holds each field. Import is all-or-nothing: if any row
 * has a problem, every problem is reported and nothing is created.
 */
export const CSV_FIELDS = ['title', 'client', 'company', 'phone', 'email', 'promisedBy', 'myTarget', 'value', 'currency', 'notes'] as const
export type CsvField = (typeof CSV_FIELDS)[number]
export const REQUIRED_CSV_FIELDS: readonly CsvField[] = ['title', 'client', 'promisedBy']

export const CSV_FIELD_LABELS: Record<CsvField, string> = {
  title: 'Title',
  client: 'Client',
  company: 'Company',
  phone: 'Phone',
  email: 'Email',
  promisedBy: 'Promised by',
  myTarget: 'My target',
  value: 'Value',
  currency: 'Currency',
  notes: 'Notes',
}

/** Column index per field; a field left out is not imported. */
const column = z.number().int().min(0).max(999).optional()
export const CsvMapping = z
  .object({ title: column, client: column, company: column, phone: column, email: column, promisedBy: column, myTarget: column, value: column, currency: column, notes: column })
  .strict()
export type CsvMapping = Partial<Record<CsvField, number>>

/** More rows than anyone keeps promises for; keeps one import quick. */
export const MAX_CSV_ROWS = 10_000

export interface CsvPreview {
  headers: string[]
  /** The first 5 data rows. */
  rows: string[][]
  rowCount: number
  guessedMapping: CsvMapping
}

export interface CsvRowError {
  /** The row's line in a spreadsheet: the header is row 1. */
  row: number
  message: string
}

const SYNONYMS: Record<CsvField, string[]> = {
  title: ['title', 'task', 'followup', 'subject', 'promise', 'action', 'what'],
  client: ['client', 'clientname', 'contact', 'contactname', 'customer', 'name', 'who'],
  company: ['company', 'organization', 'organisation', 'account', 'org', 'companyname'],
  phone: ['phone', 'phonenumber', 'telephone', 'tel', 'mobile', 'cell'],
  email: ['email', 'emailaddress', 'mail'],
  promisedBy: ['promisedby', 'promised', 'due', 'duedate', 'dueat', 'deadline', 'date', 'by'],
  myTarget: ['mytarget', 'target', 'targetdate', 'targetat'],
  value: ['value', 'amount', 'dealvalue', 'deal', 'price'],
  currency: ['currency', 'cur', 'ccy'],
  notes: ['notes', 'note', 'comments', 'comment', 'description', 'details'],
}

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '')

function parseTable(text: string): { table: string[][]; problems: CsvRowError[] } {
  const result = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { header: false, skipEmptyLines: 'greedy' })
  const problems = result.errors.map((error) => ({ row: (error.row ?? 0) + 1, message: `${error.message}.` }))
  return { table: result.data.map((row) => row.map((cell) => String(cell ?? ''))), problems }
}

export function guessMapping(headers: string[]): CsvMapping {
  const mapping: CsvMapping = {}
  const taken = new Set<number>()
  for (const field of CSV_FIELDS) {
    for (const synonym of SYNONYMS[field]) {
      const index = headers.findIndex((header, i) => !taken.has(i) && normalise(header) === synonym)
      if (index >= 0) {
        mapping[field] = index
        taken.add(index)
        break
      }
    }
  }
  return mapping
}

export function csvPreview(text: string): CsvPreview {
  const { table } = parseTable(text)
  const [headers, ...rows] = table
  if (!headers || headers.every((h) => h.trim() === '')) throw new DomainError('invalid_input', 'The file is empty: the first row should name the columns.')
  return { headers: headers.map((h) => h.trim()), rows: rows.slice(0, 5), rowCount: rows.length, guessedMapping: guessMapping(headers) }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A date cell: ISO (date or date-time), or what chrono's strict parser reads in full. Null when unreadable. */
export function parseDateCell(cell: string, now: Date): { at: Date; allDay: boolean } | null {
  const text = cell.trim()
  const day = ISO_DATE.exec(text)
  if (day) {
    const at = new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 12)
    return at.getDate() === Number(day[3]) ? { at, allDay: true } : null
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const ms = Date.parse(text)
    return Number.isNaN(ms) ? null : { at: new Date(ms), allDay: false }
  }
  const [result] = strict.parse(text, now, { forwardDate: true })
  if (!result || result.text.trim().length < text.replace(/[.,;]+$/, '').length) return null
  return { at: result.start.date(), allDay: !result.start.isCertain('hour') }
}

const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' }

function parseValue(cell: string): { amount: number; currency?: string } | null {
  const text = cell.trim()
  const symbol = [...text].find((ch) => ch in SYMBOLS)
  const digits = text.replace(/[\s,$€£¥]/g, '')
  if (!/^\d+(\.\d+)?$/.test(digits)) return null
  return { amount: Number(digits), currency: symbol ? SYMBOLS[symbol] : undefined }
}

function issueMessage(error: unknown): string {
  if (error instanceof DomainError) return error.message
  if (error instanceof z.ZodError) {
    const [issue] = error.issues
    return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message
  }
  return 'This row could not be read.'
}

function draftFromRow(cells: string[], mapping: CsvMapping, now: Date): FollowUpDraft | string {
  const cell = (field: CsvField) => {
    const index = mapping[field]
    return index === undefined ? '' : (cells[index] ?? '').trim()
  }
  const missing = REQUIRED_CSV_FIELDS.filter((field) => cell(field) === '').map((field) => CSV_FIELD_LABELS[field])
  if (missing.length > 0) return `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} empty.`
  const due = parseDateCell(cell('promisedBy'), now)
  if (!due) return `Promised by “${cell('promisedBy')}” is not a date (use e.g. 2026-12-01 or “Dec 1 2026 4pm”).`
  let targetAt: string | undefined
  if (cell('myTarget') !== '') {
    const target = parseDateCell(cell('myTarget'), now)
    if (!target) return `My target “${cell('myTarget')}” is not a date.`
    targetAt = target.at.toISOString()
  }
  let value: FollowUpDraft['value']
  if (cell('value') !== '') {
    const parsed = parseValue(cell('value'))
    if (!parsed) return `Value “${cell('value')}” is not a number.`
    const currency = (cell('currency') || parsed.currency || '').toUpperCase()
    if (!currency) return `Value ${cell('value')} needs a currency (a Currency column, or a symbol such as $).`
    value = { amount: parsed.amount, currency }
  }
  const optional = (field: CsvField) => (cell(field) === '' ? undefined : cell(field))
  return {
    title: cell('title'),
    client: { name: cell('client'), company: optional('company'), phone: optional('phone'), email: optional('email') },
    channel: optional('email') ? 'email' : optional('phone') ? 'phone' : 'other',
    dueAt: due.at.toISOString(),
    allDay: due.allDay,
    ...(targetAt ? { targetAt } : {}),
    notes: cell('notes'),
    ...(value ? { value } : {}),
  }
}

export function importCsv(
  data: Data,
  text: string,
  mapping: CsvMapping,
  now: Date,
  newId: () => string,
): { data: Data; created: FollowUp[]; errors: CsvRowError[] } {
  const unmapped = REQUIRED_CSV_FIELDS.filter((field) => mapping[field] === undefined)
  if (unmapped.length > 0) {
    return { data, created: [], errors: [{ row: 1, message: `Choose a column for ${unmapped.map((f) => CSV_FIELD_LABELS[f]).join(', ')}.` }] }
  }
  const { table, problems } = parseTable(text)
  const errors: CsvRowError[] = [...problems]
  const [headers, ...rows] = table
  if (!headers || rows.length === 0) return { data, created: [], errors: [...errors, { row: 1, message: 'The file has no rows to import below its header row.' }] }
  const width = headers.length
  for (const [field, index] of Object.entries(mapping)) {
    if (index !== undefined && index >= width) errors.push({ row: 1, message: `${CSV_FIELD_LABELS[field as CsvField]} is mapped to column ${index + 1}, but the file has ${width}.` })
  }
  if (rows.length > MAX_CSV_ROWS) return { data, created: [], errors: [...errors, { row: 1, message: `The file has ${rows.length} rows; import at most ${MAX_CSV_ROWS} at a time.` }] }
  // Each row is created against the settings only, then all are appended at once (linear in the rows).
  const base: Data = { ...data, followUps: [] }
  const created: FollowUp[] = []
  rows.forEach((cells, i) => {
    const row = i + 2
    const draft = draftFromRow(cells, mapping, now)
    if (typeof draft === 'string') {
      errors.push({ row, message: draft })
      return
    }
    try {
      created.push(createFollowUp(base, draft, now, newId()).followUp)
    } catch (error) {
      errors.push({ row, message: issueMessage(error) })
    }
  })
  errors.sort((a, b) => a.row - b.row)
  // All or nothing: one bad row and the data stays as it was.
  if (errors.length > 0) return { data, created: [], errors }
  return { data: { ...data, followUps: [...data.followUps, ...created] }, created, errors }
}
