import { z } from 'zod'
import { CsvMappingInput, type CsvPreview, type CsvSkippedRow } from '../core/csvImport'

/** Import / export: the contract's entries, spread into `contract` in index.ts. */

const returns = <T>() => null as unknown as T

/** Files cross the boundary as text; 5 MB is far more than years of follow-ups. */
export const MAX_IMPORT_CHARS = 5_000_000
const FileText = z.string().max(MAX_IMPORT_CHARS, 'The file is too large to import (at most 5 MB).')

export interface ImportResult {
  added: number
  updated: number
  unchanged: number
  /** Logged contacts brought in. */
  contactsAdded: number
  /** Follow-ups that replace dropped (0 for merge). */
  removed: number
}

/** What an import of a CSV would do, before anything is added. */
export interface CsvCheck {
  /** Rows that would become follow-ups. */
  good: number
  /** Of those, rows the file marks as already done (they go straight to Done). */
  done: number
  /** Rows already on the board (same client, title and promised date), or repeated in the file. */
  duplicates: number
  /** Rows with a problem, each with its reason and cells (the first 200). */
  skipped: CsvSkippedRow[]
  skippedCount: number
  /** The skipped rows as a CSV with a Problem column, to fix and import again; '' when none. */
  skippedCsv: string
}

export interface CsvImportResult {
  created: number
  done: number
  skipped: number
  duplicates: number
}

export const transferContract = {
  /** The whole current data, pretty-printed, to save as a file. */
  exportData: { input: z.object({}).strict(), output: returns<{ filename: string; json: string }>() },
  /** A file from exportData (any supported format): merged by follow-up id, or replacing everything. */
  importData: {
    input: z.object({ json: FileText, mode: z.enum(['merge', 'replace']) }).strict(),
    output: returns<ImportResult>(),
  },
  /** The first rows of a CSV and a guess at which column holds which field. */
  previewCsv: { input: z.object({ text: FileText }).strict(), output: returns<CsvPreview>() },
  /** Reads every row without adding anything: how many are good, duplicates or skipped (and why). */
  checkCsv: { input: z.object({ text: FileText, mapping: CsvMappingInput }).strict(), output: returns<CsvCheck>() },
  /**
   * Creates one follow-up per good row, skipping duplicates. With a bad row it adds
   * nothing and names every bad row, unless `skipBad` says to import the good ones.
   */
  importCsv: {
    input: z.object({ text: FileText, mapping: CsvMappingInput, skipBad: z.boolean().optional() }).strict(),
    output: returns<CsvImportResult>(),
  },
  /** Open follow-ups as calendar events at their own targets. */
  exportIcs: { input: z.object({}).strict(), output: returns<{ filename: string; ics: string }>() },
}
