import { z } from 'zod'
import type { BoardSnapshot } from '../core/board'
import type { AppError } from '../core/errors'
import { FollowUpDraft, FollowUpPatch } from '../core/inputs'
import type { DateTextResult, QuickAddResult } from '../core/quickAdd'
import type { Scorecard } from '../core/scorecard'
import type { CadenceCheck } from '../core/cadence'
import type { BulkResult } from '../core/away'
import type { HeadsUpDraft } from '../core/headsUp'
import type { Client, Contact, FollowUp } from '../core/schema'
import { Channel, Instant, Settings } from '../core/schema'
import type { MethodName, ShellCommand } from './methods'
import { syncContract } from './sync'
import { transferContract } from './transfer'
import { FILTER_MAX_LENGTH, type OpenView } from './view'
import { COLUMNS } from '../core/columns'

export {
  METHOD_NAMES,
  OPEN_VIEW_CHANNEL,
  SHELL_COMMAND_CHANNEL,
  SYSTEM_LOCALE_ARG,
  VIEW_CHANNEL,
  VIEW_STREAM_PATH,
  ipcChannel,
  type MethodName,
  type ShellCommand,
} from './methods'
export * from './view'
export type { BoardSnapshot, Card } from '../core/board'
export type { Column } from '../core/columns'
export type { AppError, ErrorCode } from '../core/errors'
export type { FollowUpDraft, FollowUpPatch } from '../core/inputs'
export type { Confirmation, ConfirmReason, DateChoice, DateTextResult, QuickAddResult } from '../core/quickAdd'
export type { ClientScore, MoneyAtStake, OutcomeCounts, Scorecard, WeekScore } from '../core/scorecard'
export type { CadenceCheck } from '../core/cadence'
export type { CsvCheck, CsvImportResult, ImportResult } from './transfer'
export type { CsvField, CsvMapping, CsvPreview, CsvRowError, CsvSkippedRow } from '../core/csvImport'
export type { SyncCollection, SyncFlagView, SyncSettings, SyncStatus } from './sync'
export type { BulkResult } from '../core/away'
export type { HeadsUpDraft } from '../core/headsUp'
export type { Outcome } from '../core/scorecard'

/** What an undo or redo did, for the toast: the action's name, or null when there was nothing to take back. */
export interface UndoResult {
  action: string | null
  /** How many more steps can be undone and redone. */
  canUndo: number
  canRedo: number
}
export type { Channel, Client, FollowUp, HistoryEvent, Recurrence, Settings } from '../core/schema'

/** A phantom marker carrying a method's result type. */
const returns = <T>() => null as unknown as T

const Id = z.object({ id: z.string().min(1).max(100) }).strict()
const LocaleHint = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/).max(35).optional()

/** The most positions one column's window may ask for at once (a screenful plus overscan is far less). */
export const MAX_WINDOW = 500

const ColumnRange = z
  .object({ start: z.number().int().min(0).max(100_000_000), end: z.number().int().min(0).max(100_000_000) })
  .strict()
  .refine((range) => range.end >= range.start && range.end - range.start <= MAX_WINDOW, { message: `A range is start ≤ end, at most ${MAX_WINDOW} apart.` })
export const ViewRangesInput = z.object(Object.fromEntries(COLUMNS.map((column) => [column, ColumnRange])) as Record<(typeof COLUMNS)[number], typeof ColumnRange>).strict()
export const ViewQueryInput = z
  .object({ q: z.string().max(FILTER_MAX_LENGTH).optional(), client: z.string().max(FILTER_MAX_LENGTH).optional(), channel: Channel.optional(), olderDone: z.boolean().optional() })
  .strict()
/** Chosen by the bridge (crypto.randomUUID), so the page can tell its views' messages apart before any reply. */
export const ViewId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'A view id is 8–64 letters, digits, - or _.')

/** Opening a view is a subscription, not a call: IPC (OPEN_VIEW_CHANNEL) and SSE (VIEW_STREAM_PATH) validate with this. */
export const OpenViewInput = z.object({ viewId: ViewId, query: ViewQueryInput, ranges: ViewRangesInput }).strict()
export type OpenViewInput = z.output<typeof OpenViewInput>

/**
 * The one API between renderer and service. Every method takes one object; its
 * schema validates whatever crosses the boundary (IPC or HTTP) before the service
 * sees it. Preload, IPC handlers, HTTP transport and renderer client derive from this.
 */
export const contract = {
  getBoard: { input: z.object({}).strict(), output: returns<BoardSnapshot>() },
  dismissNotice: { input: z.object({ notice: z.string().max(10_000) }).strict(), output: returns<{ dismissed: boolean }>() },
  getSettings: { input: z.object({}).strict(), output: returns<Settings>() },
  /** Changes the settings given; `locale: null` drops the override, so the system's locale applies again. */
  updateSettings: { input: Settings.partial().extend({ locale: Settings.shape.locale.unwrap().nullable().optional() }).strict(), output: returns<Settings>() },
  /** How quick add reads a line; `locale` is the system's (a browser passes navigator.language), settings.locale overrides it. */
  parseQuickAdd: { input: z.object({ text: z.string().max(1000), locale: LocaleHint }).strict(), output: returns<QuickAddResult>() },
  /** Saves a line: `choice` picks a reading (0 the draft's own, 1… the alternatives); a reading that asks needs `confirmed`. */
  quickAdd: {
    input: z.object({ text: z.string().max(1000), locale: LocaleHint, choice: z.number().int().min(0).max(20).optional(), confirmed: z.boolean().optional() }).strict(),
    output: returns<FollowUp>(),
  },
  /** A date typed in words in a date field ("fri 4pm", "in 2 weeks"), read by quick add's rules. */
  parseDate: { input: z.object({ text: z.string().max(200), locale: LocaleHint }).strict(), output: returns<DateTextResult>() },
  /** Known clients matching what was typed in a client field: by prefix of name, company, email or phone, tolerant of typos. */
  suggestClients: {
    input: z.object({ prefix: z.string().max(200), limit: z.number().int().min(1).max(50).optional() }).strict(),
    output: returns<{ clients: Client[] }>(),
  },
  create: { input: FollowUpDraft.strict(), output: returns<FollowUp>() },
  update: { input: z.object({ id: Id.shape.id, patch: FollowUpPatch.strict() }).strict(), output: returns<FollowUp>() },
  complete: { input: Id, output: returns<FollowUp>() },
  /**
   * A polite message telling the client the promise moves to `dueAt`, for the person to edit, naming
   * what was promised (`promiseText`, else the card's words); `afterDeadline` when it comes late.
   */
  draftHeadsUp: {
    input: Id.extend({ dueAt: Instant, allDay: z.boolean().optional(), promiseText: z.string().trim().max(500).optional() }).strict(),
    output: returns<HeadsUpDraft>(),
  },
  /** The client was told the promise moves: reschedules with notice, keeps the message in the history, remembers `promiseText`. */
  sendHeadsUp: {
    input: Id.extend({
      dueAt: Instant,
      allDay: z.boolean(),
      message: z.string().trim().min(1, 'Write the message you send the client.').max(5_000),
      promiseText: z.string().trim().max(500).optional(),
    }).strict(),
    output: returns<FollowUp>(),
  },
  addChecklistItem: { input: Id.extend({ text: z.string().trim().min(1, 'Enter the item.').max(500) }).strict(), output: returns<FollowUp>() },
  setChecklistItem: { input: Id.extend({ itemId: z.string().min(1).max(100), done: z.boolean() }).strict(), output: returns<FollowUp>() },
  removeChecklistItem: { input: Id.extend({ itemId: z.string().min(1).max(100) }).strict(), output: returns<FollowUp>() },
  reopen: { input: Id, output: returns<FollowUp>() },
  snooze: { input: Id.extend({ until: Instant }).strict(), output: returns<FollowUp>() },
  reschedule: {
    input: Id.extend({ dueAt: Instant, allDay: z.boolean(), targetAt: Instant.optional(), toldClient: z.boolean() }).strict(),
    output: returns<FollowUp>(),
  },
  planForToday: { input: Id, output: returns<FollowUp>() },
  remove: { input: Id, output: returns<{ id: string }>() },
  undoRemove: { input: Id, output: returns<FollowUp>() },
  getScorecard: { input: z.object({ weeks: z.number().int().min(1).max(104).optional() }).strict(), output: returns<Scorecard>() },
  exportScorecardCsv: { input: z.object({}).strict(), output: returns<{ filename: string; csv: string }>() },
  checkCadence: { input: z.object({ client: z.string().trim().min(1).max(200), at: Instant }).strict(), output: returns<CadenceCheck>() },
  logContact: {
    input: z.object({ client: z.string().trim().min(1, 'Who was the contact with?').max(200), channel: Channel, note: z.string().max(5_000).optional(), at: Instant.optional() }).strict(),
    output: returns<Contact>(),
  },
  /** One action on many follow-ups in one save; each id succeeds or fails on its own. */
  bulk: {
    input: z
      .object({
        ids: z.array(Id.shape.id).min(1).max(1_000),
        action: z.enum(['complete', 'reschedule']),
        dueAt: Instant.optional(),
        allDay: z.boolean().optional(),
        toldClient: z.boolean().optional(),
      })
      .strict()
      .refine((input) => input.action !== 'reschedule' || input.dueAt !== undefined, { message: 'Pick the new promised date.', path: ['dueAt'] }),
    output: returns<{ results: BulkResult[] }>(),
  },
  /** "Got it": hides the "While you were away" panel. */
  dismissAway: { input: z.object({}).strict(), output: returns<{ dismissed: boolean }>() },
  /**
   * After the sale: plans a thank-you (won) or a confirmation call and a second thank-you (delivered);
   * "Delivered" first completes the promise if it is open (`completed`); `dryRun` only shows them, with
   * the client's open promises a "Deal won" can apply to (`openPromises`).
   */
  startSequence: {
    input: Id.extend({ sequence: z.enum(['won', 'delivered']), dryRun: z.boolean().optional() }).strict(),
    output: returns<{ created: FollowUp[]; completed: boolean; openPromises: FollowUp[] }>(),
  },
  /** The whole follow-up, history included (views carry light cards). */
  getFollowUp: { input: Id, output: returns<FollowUp>() },
  /** Every client name on the board, sorted, for the client filter. */
  listClients: { input: z.object({}).strict(), output: returns<string[]>() },
  /** New filters (a fresh snapshot follows on the view) or new ranges (a delta with the new windows follows). */
  updateView: { input: z.object({ viewId: ViewId, query: ViewQueryInput.optional(), ranges: ViewRangesInput.optional() }).strict(), output: returns<{ version: number }>() },
  /** A listener that missed a version asks for a fresh snapshot; it follows on the view. */
  resyncView: { input: z.object({ viewId: ViewId }).strict(), output: returns<{ version: number }>() },
  closeView: { input: z.object({ viewId: ViewId }).strict(), output: returns<{ closed: boolean }>() },
  /** Takes back the last change made from the board or the tray (up to 30 and more); says what it undid, or null when there is nothing. */
  undo: { input: z.object({}).strict(), output: returns<UndoResult>() },
  /** Makes the last undone change again. */
  redo: { input: z.object({}).strict(), output: returns<UndoResult>() },
  ...transferContract,
  ...syncContract,
} satisfies Record<MethodName, { input: z.ZodType; output: unknown }>

export type Contract = typeof contract
export type Input<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type Output<M extends MethodName> = Contract[M]['output']

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

/** What the renderer calls: every method, returning errors as values. */
export type Api = { [M in MethodName]: (input: Input<M>) => Promise<Result<Output<M>>> }

/** What the Electron preload exposes as window.api: the API, the board's views, and the shell's requests. */
export type Bridge = Api & {
  /** The board as a view: a snapshot, then one delta per change (see contract/view.ts). */
  openView: OpenView
  onShellCommand(listener: (command: ShellCommand) => void): () => void
  /** The locale dates and amounts follow unless Settings override it: the OS's in the desktop app, the browser's in browser mode. */
  systemLocale(): string
}

/** What the service implements: parsed input in, value out, DomainError thrown for refusals. */
export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> }
