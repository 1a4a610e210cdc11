import { randomUUID } from 'node:crypto'
import { OpenViewInput, type BoardStatus, type Handlers, type Result } from '../contract'
import { cardOf, type BoardSnapshot, type Card } from '../core/board'
import { BoardIndex, type CardMove } from '../core/boardIndex'
import { checkCadence } from '../core/cadence'
import { logContact } from '../core/contacts'
import { COLUMNS, type Column } from '../core/columns'
import { diffData, type DataChange } from '../core/dataDiff'
import {
  createFollowUp,
  findFollowUp,
  replaceFollowUps,
  withNotified,
  planForToday,
  removeFollowUp,
  reopenFollowUp,
  rescheduleFollowUp,
  restoreFollowUp,
  snoozeFollowUp,
  updateFollowUp,
  updateSettings,
} from '../core/commands'
import { DomainError } from '../core/errors'
import { indexFollowUps } from '../core/followUpList'
import { countOf, resolveLocale, systemLocale, weekRulesOf } from '../core/localeFormat'
import { scorecard } from '../core/scorecard'
import { scorecardCsv, scorecardFilename } from '../core/scorecardCsv'
import { addChecklistItem, removeChecklistItem, setChecklistItem } from '../core/checklist'
import { deliver } from '../core/followThrough'
import { forgetRecordsFromTheFuture } from '../core/clockJump'
import { draftHeadsUp, recordMissedPromises, sendHeadsUp, withMissedRecorded } from '../core/headsUp'
import { InstantQueue } from '../core/instantQueue'
import { quietHours, type QuietHours } from '../core/quietHours'
import { dueReminderOf, nextReminderOf, sameReminderDates, type Reminder } from '../core/reminders'
import { applyBulk, overdueWhileAway, stillAway, type AwaySummary } from '../core/away'
import { openPromisesOf, startSequence } from '../core/sequences'
import type { Data, FollowUp } from '../core/schema'
import { transferHandlers } from './transfer'
import { quickAddHandlers } from './quickAdd'
import { WallClockAlarm, type Timers } from './alarm'
import { validateInput } from './dispatch'
import type { Notifier } from './notifier'
import { digestReminders, type DigestedReminders } from './reminderDigest'
import { ClockJumpWatch } from './clockWatch'
import { UndoStack } from './undo'
import { ViewHub, type ViewSink } from './viewHub'
import { CalendarSync, type CalendarSyncOptions } from './sync/calendarSync'

/**
 * What the service needs of the store. `update` resolves once the change is durable
 * (group commit) where the store offers that; a command replies only after it.
 */
export interface ServiceStore {
  readonly data: Data
  readonly readOnly: boolean
  readonly notices: readonly string[]
  update(next: Data, change?: DataChange): Promise<void>
  assertWritable(): void
  onWriteError(listener: (error: Error | null) => void): () => void
  /** Hears about what happened to the file while running (e.g. another program changed it). */
  onNotice(listener: (notice: string) => void): () => void
  close(): Promise<void>
}

/** What the tray shows: counts and the first cards needing attention, overdue first. */
export interface TrayBoard {
  generatedAt: string
  readOnly: boolean
  counts: { due: number; overdue: number }
  /** Overdue then due, in board order, at most `TRAY_CARDS`. */
  cards: Card[]
  /** The first promised follow-ups (soonest promise first): what "Plan for today" offers. */
  upcoming: Card[]
}

/** The most cards the tray board lists (its menu shows fewer). */
export const TRAY_CARDS = 20
/** How many promised follow-ups the tray offers to plan for today. */
export const TRAY_UPCOMING_CARDS = 5

/** A change the person made from the board or the tray: its name (and card) for the undo stack and the toast. */
interface UndoAction {
  name: string
  subject?: string
}

export interface ServiceOptions {
  store: ServiceStore
  now?: () => Date
  newId?: () => string
  notifier?: Notifier
  timers?: Timers
  /**
   * A monotonic clock in ms, to notice the wall clock jumping. On by default with the
   * real clock; tests with a fake `now` pass one to test jumps.
   */
  monotonic?: () => number
  /** The system's locale for dates and numbers (Electron: app.getSystemLocale()); by default the process's. Settings' locale overrides it. */
  systemLocale?: string
  /** Calendar sync: where the password is kept, and test hooks. */
  sync?: CalendarSyncOptions
}

/** How often the wall clock is compared with the monotonic one, even while no instant is near. */
const CLOCK_CHECK_MS = 15_000
/** A reminder that could not be shown is tried again after this long. */
const REMINDER_RETRY_MS = 60_000

/** How many deleted follow-ups can still be brought back with Undo. */
const UNDO_DEPTH = 50

/** One reminder of one follow-up, across the retries of its notification. */
const reminderKey = (reminder: Reminder): string => `${reminder.followUpId}:${reminder.kind}`

/**
 * The one implementation of the API. It owns the clock and keeps the board as
 * indexes: each change updates only the cards it names, each tick only the cards
 * whose instant came, and open views get a delta for what they show.
 */
export class FollowThroughService {
  readonly handlers: Handlers
  readonly views: ViewHub
  readonly #store: ServiceStore
  readonly #now: () => Date
  readonly #newId: () => string
  readonly #notifier: Notifier | undefined
  readonly #systemLocale: string
  readonly #alarm: WallClockAlarm
  readonly #board: BoardIndex
  /** Each open follow-up's next unsent reminder instant (only with a notifier). */
  readonly #reminders = new InstantQueue()
  #quiet: QuietHours
  #quietDay = ''
  readonly #listeners = new Set<(board: BoardSnapshot) => void>()
  readonly #trayListeners = new Set<(tray: TrayBoard) => void>()
  readonly #recentlyRemoved: FollowUp[] = []
  readonly #problems = new Set<string>()
  /**
   * Follow-ups whose reminder is being shown, as they will be once it is: later
   * reminders are planned from this, but the file records the reminder only once shown.
   */
  readonly #showing = new Map<string, FollowUp>()
  #reminderProblem: string | null = null
  readonly #clockWatch: ClockJumpWatch | null
  readonly #timers: Timers
  #clockCheck: unknown = null
  /** Messages the person dismisses: a recovered data file, follow-ups missed while away. */
  readonly #notices: string[]
  /** Reminders an away summary on the board covers while their notification is still to be shown. */
  readonly #onBoard = new Set<string>()
  #shellNotices: string[] = []
  /** Follow-ups that went overdue while the app was closed, until "Got it". */
  #away: AwaySummary | null = null
  #status: BoardStatus
  /** Every change made from the board or the tray, for Undo and Redo. */
  readonly #undo = new UndoStack()
  /** Hear every committed change (calendar sync sends what changed). */
  readonly #commitListeners = new Set<(change: DataChange) => void>()
  readonly #sync: CalendarSync

  constructor(options: ServiceOptions) {
    this.#store = options.store
    this.#now = options.now ?? (() => new Date())
    this.#newId = options.newId ?? randomUUID
    this.#notifier = options.notifier
    this.#systemLocale = options.systemLocale ?? systemLocale()
    this.#alarm = new WallClockAlarm(this.#now, () => this.#onTime(), options.timers)
    this.#timers = options.timers ?? { setTimeout: (callback, ms) => setTimeout(callback, ms).unref(), clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) }
    const monotonic = options.monotonic ?? (options.now ? null : () => performance.now())
    this.#clockWatch = monotonic ? new ClockJumpWatch(() => this.#now().getTime(), monotonic) : null
    const now = this.#now()
    this.#board = new BoardIndex(this.#store.data.followUps, now)
    // Commands find a follow-up by id through this map instead of scanning every one.
    indexFollowUps(this.#store.data.followUps)
    this.#quiet = quietHours(this.#store.data.settings, now)
    this.#quietDay = now.toDateString()
    if (this.#notifier) this.#scheduleAllReminders()
    this.#notices = [...this.#store.notices]
    this.#status = this.#makeStatus()
    this.views = new ViewHub(this.#board, this.#now, () => this.#status)
    this.#store.onWriteError((error) => {
      this.#problems.clear()
      if (error) this.#problems.add(error.message)
      this.#statusChanged()
    })
    this.#store.onNotice((notice) => {
      this.#notices.push(notice)
      this.#statusChanged()
    })
    this.#sync = new CalendarSync(
      {
        data: () => this.#store.data,
        now: () => this.#now(),
        newId: () => this.#newId(),
        readOnly: () => this.#store.readOnly,
        onCommit: (listener) => {
          this.#commitListeners.add(listener)
          return () => this.#commitListeners.delete(listener)
        },
        apply: async (update) => this.#commit(update(this.#store.data)),
      },
      options.sync,
    )
    this.handlers = this.#createHandlers()
  }

  /** Starts the clock: records promises missed while closed, sends reminders already due (summarising missed ones), arms the alarm. */
  start(): void {
    this.#away = overdueWhileAway(this.#store.data, this.#now())
    this.#status = this.#makeStatus()
    if (!this.#store.readOnly) {
      const data = this.#store.data
      const next = recordMissedPromises(data, this.#now())
      if (next !== data) void this.#commit(next).catch(() => {})
    }
    this.#onTime()
    this.#watchClock()
    this.#sync.start()
  }

  /** The machine woke or the clock jumped: look at the wall clock again now. */
  wake(): void {
    this.#checkClock()
    this.#onTime()
    this.#sync.wake()
  }

  #watchClock(): void {
    if (!this.#clockWatch) return
    this.#clockCheck = this.#timers.setTimeout(() => {
      this.#checkClock()
      this.#watchClock()
    }, CLOCK_CHECK_MS)
  }

  /**
   * A wall clock that jumped ahead (a wrong setting, a bad time server) fires
   * reminders and records misses early. When it comes back, what only the wrong
   * time could have recorded is withdrawn, and the board is sorted at the real time.
   */
  #checkClock(): void {
    const jump = this.#clockWatch?.check()
    if (!jump) return
    if (jump === 'back' && !this.#store.readOnly) {
      const now = this.#now()
      const moves = this.#board.apply(this.#store.data.followUps, [], now)
      this.#scheduleAllReminders()
      void this.#commit(forgetRecordsFromTheFuture(this.#store.data, now), undefined, moves).catch(() => {})
    }
    // Ahead is also how a sleep without a wake event looks: look at the wall clock now either way.
    this.#onTime()
  }

  /**
   * Opens a view for a transport (IPC or SSE): validates the raw input against the
   * contract, then sends the snapshot and every later delta to `sink`.
   */
  openView(raw: unknown, sink: ViewSink): Result<{ viewId: string }> {
    const input = validateInput(OpenViewInput, raw)
    if (!input.ok) return input
    const { viewId, query, ranges } = input.value
    try {
      this.views.open(viewId, query, ranges, sink)
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: error.toValue() }
      throw error
    }
    // A view of Done's week brings an instant of its own: when its oldest completion ages out.
    this.#rearm()
    return { ok: true, value: { viewId } }
  }

  /** The locale notifications, the tray, drafts and exports are written in: Settings' override, else the system's. */
  locale(): string {
    return resolveLocale(this.#store.data.settings.locale, this.#systemLocale)
  }

  /**
   * The whole board on request (getBoard: tests and tools); read from the indexes, so
   * it costs a copy, not a sort. Nothing pushes it per change: pages use views.
   */
  board(): BoardSnapshot {
    // Made afresh, not kept on the entries: a whole board of cards is not held between calls.
    const columns = Object.fromEntries(
      COLUMNS.map((column) => [column, this.#board.column(column).map((entry) => cardOf(entry.followUp, entry.column, entry.atRisk))]),
    ) as Record<Column, Card[]>
    const { generatedAt, readOnly, notices, away } = this.#status
    return away ? { generatedAt, columns, readOnly, notices, away } : { generatedAt, columns, readOnly, notices }
  }

  /**
   * Deprecated: a whole board per change. No shell or page uses it any more (windows
   * open views, the tray reads `tray()`/`subscribeTray`); only the service's own tests
   * still watch the board through it.
   */
  subscribe(listener: (board: BoardSnapshot) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** What the tray needs, read from the indexes in time independent of the board's size. */
  tray(): TrayBoard {
    const overdue = this.#board.column('overdue')
    const due = this.#board.column('due')
    const cards = [...overdue.slice(0, TRAY_CARDS), ...due.slice(0, Math.max(0, TRAY_CARDS - overdue.length))].map((entry) => entry.card)
    const upcoming = this.#board.column('promised').slice(0, TRAY_UPCOMING_CARDS).map((entry) => entry.card)
    return { generatedAt: this.#now().toISOString(), readOnly: this.#store.readOnly, counts: { due: due.length, overdue: overdue.length }, cards, upcoming }
  }

  /** Hears a new tray board after every change and tick. */
  subscribeTray(listener: (tray: TrayBoard) => void): () => void {
    this.#trayListeners.add(listener)
    return () => this.#trayListeners.delete(listener)
  }

  /** Banners the desktop shell adds to the board's notices (notifications unavailable, shortcut taken). */
  setShellNotices(notices: readonly string[]): void {
    this.#shellNotices = [...notices]
    this.#statusChanged()
  }

  /** Stops the clock and writes everything to disk. */
  async stop(): Promise<void> {
    this.#alarm.stop()
    if (this.#clockCheck !== null) this.#timers.clearTimeout(this.#clockCheck)
    this.#clockCheck = null
    await this.#sync.stop()
    await this.#store.close()
  }

  #makeStatus(): BoardStatus {
    const status: BoardStatus = {
      generatedAt: this.#now().toISOString(),
      readOnly: this.#store.readOnly,
      notices: [...this.#notices, ...this.#problems, ...this.#shellNotices],
    }
    // The away summary's follow-ups are looked up by id, never by scanning the board.
    const away = stillAway(this.#away, (id) => {
      const entry = this.#board.entry(id)
      return entry !== undefined && entry.column !== 'done'
    })
    if (away) status.away = away
    return status
  }

  #statusChanged(): void {
    this.#status = this.#makeStatus()
    this.#publish([])
  }

  /**
   * Applies a new state: the board indexes and views take the change at once (the
   * page shows it now), and the returned promise settles when the store has it on
   * disk, so a command replies only once its change is durable.
   */
  async #commit(next: Data, action?: UndoAction, timeMoves: CardMove[] = []): Promise<void> {
    const before = this.#store.data
    if (next === before) return this.#publish(timeMoves)
    if (action) this.#undo.record(action.name, before, next, action.subject)
    const change = diffData(before, next)
    const saved = this.#store.update(next, change)
    if (!change.settings) this.#scheduleReminders(change)
    const moves = this.#board.apply(change.followUps.put, change.followUps.removed, this.#now())
    if (change.settings) this.#scheduleAllReminders()
    this.#publish([...timeMoves, ...moves])
    for (const listener of this.#commitListeners) listener(change)
    await saved
  }

  /** Sends what moved to the views, the tray and any old full-board listener, then re-arms the clock. */
  #publish(moves: CardMove[]): void {
    moves.push(...this.#board.advance(this.#now()))
    if (this.#away && moves.some((move) => this.#away!.ids.includes(move.id))) this.#status = this.#makeStatus()
    this.views.publish(moves)
    if (this.#trayListeners.size > 0) {
      const tray = this.tray()
      for (const listener of this.#trayListeners) listener(tray)
    }
    if (this.#listeners.size > 0) {
      const board = this.board()
      for (const listener of this.#listeners) listener(board)
    }
    this.#rearm()
  }

  #rearm(): void {
    const candidates = [this.#board.nextChangeAt(), this.views.nextChangeAt()]
    if (this.#notifier && !this.#store.readOnly) candidates.push(this.#reminders.peek())
    const next = Math.min(...candidates.map((at) => at ?? Infinity))
    this.#alarm.set(next === Infinity ? null : new Date(next))
  }

  #scheduleAllReminders(): void {
    if (!this.#notifier) return
    const settings = this.#store.data.settings
    this.#quiet = quietHours(settings, this.#now())
    this.#reminders.clear()
    for (const followUp of this.#store.data.followUps) this.#reminders.schedule(followUp.id, nextReminderOf(followUp, settings, this.#quiet))
  }

  /**
   * Called before the board takes the change, so it still holds each follow-up as it
   * was. New dates (a new card, a reschedule, a snooze, a reopen) arm only instants
   * still ahead; a reminder recorded as sent re-arms the next; other edits keep theirs.
   */
  #scheduleReminders(change: DataChange): void {
    if (!this.#notifier) return
    const settings = this.#store.data.settings
    const now = this.#now().getTime()
    for (const id of change.followUps.removed) this.#reminders.schedule(id, null)
    for (const followUp of change.followUps.put) {
      const previous = this.#board.entry(followUp.id)?.followUp
      if (!previous || !sameReminderDates(previous, followUp)) this.#reminders.schedule(followUp.id, nextReminderOf(followUp, settings, this.#quiet, now))
      else if (previous.notifiedAt !== followUp.notifiedAt) this.#reminders.schedule(followUp.id, nextReminderOf(followUp, settings, this.#quiet))
    }
  }

  /**
   * The clock reached an instant: cards whose column-changing instant came move,
   * promises that just passed undelivered are recorded as missed, and due reminders
   * are sent. Only the cards whose instants came are looked at.
   */
  #onTime(): void {
    const now = this.#now()
    if (now.toDateString() !== this.#quietDay) {
      // Quiet windows are laid out around a day; a popped reminder is re-checked against the fresh ones.
      this.#quietDay = now.toDateString()
      this.#quiet = quietHours(this.#store.data.settings, now)
    }
    const timeMoves = this.#board.advance(now)
    if (this.#store.readOnly) return this.#publish(timeMoves)
    const updated = new Map<string, FollowUp>()
    for (const move of timeMoves) {
      if (move.after?.column !== 'overdue' || move.before?.column === 'overdue') continue
      const recorded = withMissedRecorded(move.after.followUp, now)
      if (recorded !== move.after.followUp) updated.set(move.id, recorded)
    }
    const reminders = this.#dueReminders(now, updated)
    void this.#commit(replaceFollowUps(this.#store.data, updated), undefined, timeMoves).catch(() => {})
    this.#notify(reminders, now)
  }

  /** Pops the follow-ups whose reminder instant came: the reminders to show (recorded as sent once shown). */
  #dueReminders(now: Date, updated: Map<string, FollowUp>): Reminder[] {
    if (!this.#notifier) return []
    const settings = this.#store.data.settings
    const reminders: Reminder[] = []
    for (const id of this.#reminders.popDue(now.getTime())) {
      const followUp = this.#showing.get(id) ?? updated.get(id) ?? this.#board.entry(id)?.followUp
      if (!followUp) continue
      const reminder = dueReminderOf(followUp, settings, this.#quiet, now, this.locale())
      if (!reminder) {
        this.#reminders.schedule(id, nextReminderOf(followUp, settings, this.#quiet))
        continue
      }
      reminders.push(reminder)
      const shown = withNotified(followUp, reminder.settles, now)
      this.#showing.set(id, shown)
      this.#reminders.schedule(id, nextReminderOf(shown, settings, this.#quiet))
    }
    return reminders.sort((a, b) => a.at.getTime() - b.at.getTime())
  }

  #notify(reminders: Reminder[], now: Date): void {
    if (!this.#notifier || reminders.length === 0) return
    const digested = digestReminders(reminders, now)
    const summaries = digested.filter(({ notification }) => notification.followUpId === undefined)
    // A summary of reminders missed while away also stays on the board until dismissed: once, not again with
    // each retry of a notification the OS keeps refusing (those reminders are summarised again a minute later).
    const fresh = summaries.filter(({ covers }) => covers.some((reminder) => !this.#onBoard.has(reminderKey(reminder))))
    for (const { notification, covers } of fresh) {
      this.#notices.push(`${notification.title}: ${notification.body}`)
      for (const reminder of covers) this.#onBoard.add(reminderKey(reminder))
    }
    if (fresh.length > 0) this.#statusChanged()
    for (const shown of digested) this.#show(shown)
  }

  /**
   * Shows one notification. Its reminders are recorded as sent only once the OS took
   * it; a failure says so on the board and is tried again, so no reminder is
   * silently used up.
   */
  #show({ notification, covers }: DigestedReminders): void {
    const mine = covers.map((reminder) => this.#showing.get(reminder.followUpId))
    const settle = () =>
      covers.forEach((reminder, index) => {
        if (this.#showing.get(reminder.followUpId) === mine[index]) this.#showing.delete(reminder.followUpId)
      })
    this.#notifier!.notify(notification).then(
      () => {
        settle()
        for (const reminder of covers) this.#onBoard.delete(reminderKey(reminder))
        this.#setReminderProblem(null)
        const shownAt = this.#now()
        const updated = new Map<string, FollowUp>()
        for (const reminder of covers) {
          const followUp = this.#board.entry(reminder.followUpId)?.followUp
          if (followUp) updated.set(followUp.id, withNotified(followUp, reminder.settles, shownAt))
        }
        void this.#commit(replaceFollowUps(this.#store.data, updated)).catch(() => {})
      },
      (error: unknown) => {
        console.error('Follow Through: notification failed', error)
        settle()
        const retryAt = this.#now().getTime() + REMINDER_RETRY_MS
        for (const reminder of covers) this.#reminders.schedule(reminder.followUpId, retryAt)
        this.#setReminderProblem(`A reminder could not be shown (${notification.title}): ${(error as Error)?.message ?? error}. It will be tried again in a minute.`)
        this.#rearm()
      },
    )
  }

  #setReminderProblem(problem: string | null): void {
    if (problem === this.#reminderProblem) return
    if (this.#reminderProblem) this.#problems.delete(this.#reminderProblem)
    this.#reminderProblem = problem
    if (problem) this.#problems.add(problem)
    this.#statusChanged()
  }

  /** One follow-up by id, from the index (no scan of the data). */
  #followUp(id: string): FollowUp {
    return this.#board.entry(id)?.followUp ?? findFollowUp(this.#store.data, id)
  }

  /** Checked before a command does any work, so a refusal leaves nothing half done (e.g. the undo list). */
  #guardWritable(): void {
    this.#store.assertWritable()
  }

  #createHandlers(): Handlers {
    const mutate = async (name: string, change: (data: Data, now: Date) => Data, id: string) => {
      this.#guardWritable()
      const next = change(this.#store.data, this.#now())
      await this.#commit(next, { name, subject: findFollowUp(next, id).title })
      return this.#followUp(id)
    }
    const create = async (draft: Parameters<typeof createFollowUp>[1]) => {
      this.#guardWritable()
      const { data, followUp } = createFollowUp(this.#store.data, draft, this.#now(), this.#newId())
      await this.#commit(data, { name: 'Add', subject: followUp.title })
      return followUp
    }
    const undoOrRedo = async (step: 'undo' | 'redo') => {
      this.#guardWritable()
      const outcome = this.#undo[step](this.#store.data, this.#now())
      if (outcome) await this.#commit(outcome.data)
      return { action: outcome?.description ?? null, canUndo: this.#undo.canUndo, canRedo: this.#undo.canRedo }
    }
    return {
      getBoard: () => this.board(),
      getSettings: () => this.#store.data.settings,
      updateSettings: async (patch) => {
        this.#guardWritable()
        const next = updateSettings(this.#store.data, patch)
        await this.#commit(next, { name: 'Change settings' })
        return next.settings
      },
      dismissNotice: ({ notice }) => {
        const index = this.#notices.indexOf(notice)
        if (index >= 0) {
          this.#notices.splice(index, 1)
          this.#statusChanged()
        }
        return { dismissed: index >= 0 }
      },
      ...quickAddHandlers({ data: () => this.#store.data, now: () => this.#now(), create }),
      create: (draft) => create(draft),
      update: ({ id, patch }) => mutate('Edit', (data, now) => updateFollowUp(data, id, patch, now), id),
      // Delivering a promise plans its check-in (the method's "follow through"); the tray's Mark done comes here too.
      complete: ({ id }) => mutate('Mark done', (data, now) => deliver(data, id, now, this.#newId), id),
      draftHeadsUp: ({ id, dueAt, allDay, promiseText }) => draftHeadsUp(this.#followUp(id), new Date(dueAt), this.#now(), allDay, promiseText, this.locale()),
      sendHeadsUp: ({ id, ...input }) => mutate('Heads-up', (data, now) => sendHeadsUp(data, id, input, now), id),
      addChecklistItem: ({ id, text }) => mutate('Add a checklist item', (data) => addChecklistItem(data, id, text, this.#newId()), id),
      setChecklistItem: ({ id, itemId, done }) => mutate(done ? 'Tick' : 'Untick', (data) => setChecklistItem(data, id, itemId, done), id),
      removeChecklistItem: ({ id, itemId }) => mutate('Remove a checklist item', (data) => removeChecklistItem(data, id, itemId), id),
      reopen: ({ id }) => mutate('Reopen', (data, now) => reopenFollowUp(data, id, now), id),
      snooze: ({ id, until }) => mutate('Snooze', (data, now) => snoozeFollowUp(data, id, new Date(until), now), id),
      reschedule: ({ id, ...dates }) => mutate('Move the promise', (data, now) => rescheduleFollowUp(data, id, dates, now), id),
      planForToday: ({ id }) => mutate('Plan for today', (data, now) => planForToday(data, id, now), id),
      undo: () => undoOrRedo('undo'),
      redo: () => undoOrRedo('redo'),
      remove: async ({ id }) => {
        this.#guardWritable()
        const { data, removed } = removeFollowUp(this.#store.data, id)
        this.#recentlyRemoved.push(removed)
        this.#recentlyRemoved.splice(0, Math.max(0, this.#recentlyRemoved.length - UNDO_DEPTH))
        await this.#commit(data, { name: 'Delete', subject: removed.title })
        return { id }
      },
      checkCadence: ({ client, at }) => checkCadence(this.#store.data, client, new Date(at)),
      logContact: async (input) => {
        this.#guardWritable()
        const { data, contact } = logContact(this.#store.data, input, this.#now(), this.#newId())
        await this.#commit(data, { name: 'Log contact', subject: contact.client })
        return contact
      },
      getScorecard: ({ weeks }) => scorecard(this.#store.data, this.#now(), { weeks, weekRules: weekRulesOf(this.locale()) }),
      exportScorecardCsv: () => {
        const now = this.#now()
        return { filename: scorecardFilename(now), csv: scorecardCsv(scorecard(this.#store.data, now, { weekRules: weekRulesOf(this.locale()) }), this.locale()) }
      },
      bulk: async ({ ids, ...input }) => {
        this.#guardWritable()
        const action = input.action === 'complete' ? { action: input.action } : { action: input.action, dueAt: input.dueAt!, allDay: input.allDay ?? false, toldClient: input.toldClient ?? false }
        const { data, results } = applyBulk(this.#store.data, ids, action, this.#now(), this.#newId)
        const done = results.filter((r) => r.ok).length
        await this.#commit(data, { name: `${input.action === 'complete' ? 'Mark done' : 'Reschedule'} ${countOf(done, 'follow-up')}` })
        return { results }
      },
      dismissAway: () => {
        const dismissed = this.#away !== null
        this.#away = null
        if (dismissed) this.#statusChanged()
        return { dismissed }
      },
      startSequence: async ({ id, sequence, dryRun }) => {
        if (!dryRun) this.#guardWritable()
        const { data, created, completed } = startSequence(this.#store.data, id, sequence, this.#now(), this.#newId)
        const source = this.#followUp(id)
        if (!dryRun) await this.#commit(data, { name: sequence === 'won' ? 'Deal won' : 'Delivered', subject: source.title })
        return { created, completed, openPromises: dryRun ? openPromisesOf(this.#store.data, source.client.name) : [] }
      },
      ...this.#sync.handlers,
      ...transferHandlers({
        data: () => this.#store.data,
        commit: (next) => this.#commit(next, { name: 'Import' }),
        now: () => this.#now(),
        locale: () => this.locale(),
        newId: () => this.#newId(),
        guardWritable: () => this.#guardWritable(),
      }),
      undoRemove: async ({ id }) => {
        this.#guardWritable()
        const index = this.#recentlyRemoved.findIndex((f) => f.id === id)
        if (index < 0) throw new DomainError('not_found', 'That deletion can no longer be undone.')
        const [restored] = this.#recentlyRemoved.splice(index, 1)
        await this.#commit(restoreFollowUp(this.#store.data, restored))
        return restored
      },
      getFollowUp: ({ id }) => this.#followUp(id),
      listClients: () => {
        const names = new Set<string>()
        for (const column of COLUMNS) for (const entry of this.#board.column(column)) names.add(entry.followUp.client.name)
        return [...names].sort(new Intl.Collator().compare)
      },
      updateView: ({ viewId, query, ranges }) => {
        const updated = this.views.update(viewId, { query, ranges })
        this.#rearm()
        return updated
      },
      resyncView: ({ viewId }) => this.views.resync(viewId),
      closeView: ({ viewId }) => this.views.close(viewId),
    }
  }
}
