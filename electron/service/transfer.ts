import type { Handlers } from '../contract'
import { csvPreview, importCsv } from '../core/csvImport'
import { DomainError } from '../core/errors'
import { followUpsIcs } from '../core/icsExport'
import { exportFilename, importData } from '../core/importMerge'
import type { Data } from '../core/schema'
import { decodeDataFile } from '../store/decode'

/** What the import / export handlers need from the service. */
export interface TransferContext {
  data(): Data
  /** Resolves once the change is durable. */
  commit(next: Data): Promise<void>
  now(): Date
  /** The locale exports are written in and day-first dates are read by. */
  locale(): string
  newId(): string
  guardWritable(): void
}

/** The first problem of each row (up to 200 rows), keyed "row N", for a list under the message. */
function rowFields(errors: { row: number; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const { row, message } of errors.slice(0, 200)) fields[`row ${row}`] ??= message
  return fields
}

type TransferHandlers = Pick<Handlers, 'exportData' | 'importData' | 'previewCsv' | 'checkCsv' | 'importCsv' | 'exportIcs'>

const rowsWord = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`

export function transferHandlers(ctx: TransferContext): TransferHandlers {
  return {
    exportData: () => ({ filename: exportFilename(ctx.now()), json: JSON.stringify(ctx.data(), null, 2) + '\n' }),
    importData: async ({ json, mode }) => {
      ctx.guardWritable()
      const decoded = decodeDataFile(json.replace(/^\ufeff/, ''))
      if (!decoded.ok) throw new DomainError('invalid_input', `This file cannot be imported: ${decoded.reason}. Nothing was changed.`)
      if (decoded.newerVersion !== undefined) {
        throw new DomainError(
          'invalid_input',
          `This file was saved by a newer version of Follow Through (format ${decoded.newerVersion}). Update the app to import it. Nothing was changed.`,
        )
      }
      const { data, ...counts } = importData(ctx.data(), decoded.data, mode)
      await ctx.commit(data)
      return counts
    },
    previewCsv: ({ text }) => csvPreview(text),
    checkCsv: ({ text, mapping }) => {
      const outcome = importCsv(ctx.data(), text, mapping, ctx.now(), ctx.newId, ctx.locale())
      return {
        good: outcome.created.length,
        done: outcome.created.filter((f) => f.completedAt !== undefined).length,
        duplicates: outcome.duplicates,
        skipped: outcome.skipped.slice(0, 200),
        skippedCount: outcome.skipped.length,
        skippedCsv: outcome.skippedCsv,
      }
    },
    importCsv: async ({ text, mapping, skipBad }) => {
      ctx.guardWritable()
      const outcome = importCsv(ctx.data(), text, mapping, ctx.now(), ctx.newId, ctx.locale())
      const bad = outcome.skipped.length
      if (bad > 0 && !skipBad) {
        const shown = outcome.skipped.slice(0, 10).map((e) => `row ${e.row}: ${e.message}`)
        const more = bad > shown.length ? ` (and ${bad - shown.length} more)` : ''
        throw new DomainError(
          'invalid_input',
          `Nothing was imported: ${rowsWord(bad)} ${bad === 1 ? 'has' : 'have'} problems. Import the ${rowsWord(outcome.created.length)} that can be read and skip ${bad === 1 ? 'it' : 'them'}, or fix ${bad === 1 ? 'it' : 'them'} and try again. ${shown.join('; ')}${more}`,
          rowFields(outcome.skipped),
        )
      }
      await ctx.commit(outcome.data)
      return {
        created: outcome.created.length,
        done: outcome.created.filter((f) => f.completedAt !== undefined).length,
        skipped: bad,
        duplicates: outcome.duplicates,
      }
    },
    exportIcs: () => {
      const now = ctx.now()
      return { filename: exportFilename(now, 'ics', 'calendar'), ics: followUpsIcs(ctx.data(), now, ctx.locale(), Intl.DateTimeFormat().resolvedOptions().timeZone) }
    },
  }
}
