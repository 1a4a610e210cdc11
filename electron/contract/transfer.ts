import { z } from 'zod'
import { CsvMapping, type CsvPreview, type CsvRowError } from '../core/csvImport'

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

export interface CsvImportResult {
  created: number
  errors: CsvRowError[]
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
  /** Creates one follow-up per row; all or nothing (a bad row is an error naming every bad row). */
  importCsv: { input: z.object({ text: FileText, mapping: CsvMapping }).strict(), output: returns<CsvImportResult>() },
  /** Open follow-ups as calendar events at their own targets. */
  exportIcs: { input: z.object({}).strict(), output: returns<{ filename: string; ics: string }>() },
}
