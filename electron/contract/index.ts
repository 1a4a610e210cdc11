import { z } from 'zod'
import type { BoardSnapshot } from '../core/board'
import type { AppError } from '../core/errors'
import { FollowUpDraft, FollowUpPatch } from '../core/inputs'
import type { QuickAddResult } from '../core/quickAdd'
import type { Scorecard } from '../core/scorecard'
import type { CadenceCheck } from '../core/cadence'
import type { BulkResult } from '../core/away'
import type { Contact, FollowUp } from '../core/schema'
import { Channel, Instant, Settings } from '../core/schema'
import type { MethodName, ShellCommand } from './methods'
import { syncContract } from './sync'
import { transferContract } from './transfer'

export { METHOD_NAMES, BOARD_CHANGED_CHANNEL, SHELL_COMMAND_CHANNEL, ipcChannel, type MethodName, type ShellCommand } from './methods'
export type { BoardSnapshot, Card } from '../core/board'
export type { Column } from '../core/columns'
export type { AppError, ErrorCode } from '../core/errors'
export type { FollowUpDraft, FollowUpPatch } from '../core/inputs'
export type { QuickAddResult } from '../core/quickAdd'
export type { ClientScore, MoneyAtStake, OutcomeCounts, Scorecard, WeekScore } from '../core/scorecard'
export type { CadenceCheck } from '../core/cadence'
export type { CsvImportResult, ImportResult } from './transfer'
export type { SyncCollection, SyncFlagView, SyncSettings, SyncStatus } from './sync'
export type { CsvField, CsvMapping, CsvPreview, CsvRowError } from '../core/csvImport'
export type { BulkResult } from '../core/away'
export type { Channel, FollowUp, HistoryEvent, Recurrence, Settings } from '../core/schema'

/** A phantom marker carrying a method's result type. */
const returns = <T>() => null as unknown as T

const Id = z.object({ id: z.string().min(1).max(100) }).strict()

/**
 * The one API between renderer and service. Every method takes one object; its
 * schema validates whatever crosses the boundary (IPC or HTTP) before the service
 * sees it. Preload, IPC handlers, HTTP transport and renderer client derive from this.
 */
export const contract = {
  getBoard: { input: z.object({}).strict(), output: returns<BoardSnapshot>() },
  dismissNotice: { input: z.object({ notice: z.string().max(10_000) }).strict(), output: returns<{ dismissed: boolean }>() },
  getSettings: { input: z.object({}).strict(), output: returns<Settings>() },
  updateSettings: { input: Settings.partial().strict(), output: returns<Settings>() },
  parseQuickAdd: { input: z.object({ text: z.string().max(1000) }).strict(), output: returns<QuickAddResult>() },
  quickAdd: { input: z.object({ text: z.string().max(1000) }).strict(), output: returns<FollowUp>() },
  create: { input: FollowUpDraft.strict(), output: returns<FollowUp>() },
  update: { input: z.object({ id: Id.shape.id, patch: FollowUpPatch.strict() }).strict(), output: returns<FollowUp>() },
  complete: { input: Id, output: returns<FollowUp>() },
  /** A polite message telling the client the promise moves to `dueAt`, for the person to edit. */
  draftHeadsUp: { input: Id.extend({ dueAt: Instant, allDay: z.boolean().optional() }).strict(), output: returns<{ message: string }>() },
  /** The client was told the promise moves: reschedules with notice and keeps the message in the history. */
  sendHeadsUp: {
    input: Id.extend({ dueAt: Instant, allDay: z.boolean(), message: z.string().trim().min(1, 'Write the message you send the client.').max(5_000) }).strict(),
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
  /** After the sale: plans a thank-you (won) or a confirmation call and a second thank-you (delivered); `dryRun` only shows them. */
  startSequence: {
    input: Id.extend({ sequence: z.enum(['won', 'delivered']), dryRun: z.boolean().optional() }).strict(),
    output: returns<{ created: FollowUp[] }>(),
  },
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

/** What the Electron preload exposes as window.api: the API, the board push, and the shell's requests. */
export type Bridge = Api & {
  /** Delivers the current board at once, then every new one. */
  onBoardChanged(listener: (board: BoardSnapshot) => void): () => void
  onShellCommand(listener: (command: ShellCommand) => void): () => void
}

/** What the service implements: parsed input in, value out, DomainError thrown for refusals. */
export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> }
