import { randomUUID } from 'node:crypto'
import type { Handlers } from '../contract'
import { buildBoard, type BoardSnapshot } from '../core/board'
import { checkCadence } from '../core/cadence'
import { logContact } from '../core/contacts'
import { nextTransitionAt } from '../core/columns'
import {
  createFollowUp,
  findFollowUp,
  markNotified,
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
import { parseQuickAdd } from '../core/quickAdd'
import { scorecard } from '../core/scorecard'
import { scorecardCsv, scorecardFilename } from '../core/scorecardCsv'
import { addChecklistItem, removeChecklistItem, setChecklistItem } from '../core/checklist'
import { deliver } from '../core/followThrough'
import { draftHeadsUp, recordMissedPromises, sendHeadsUp } from '../core/headsUp'
import { dueReminders, nextReminderAt } from '../core/reminders'
import { applyBulk, overdueWhileAway, stillAway, type AwaySummary } from '../core/away'
import { startSequence } from '../core/sequences'
import type { Data, FollowUp } from '../core/schema'
import { diffData, type DataChange } from '../core/dataDiff'
import type { Store } from '../store/store'
import { transferHandlers } from './transfer'
import { WallClockAlarm, type Timers } from './alarm'
import type { Notifier } from './notifier'
import { notificationsFor } from './reminderDigest'
import { CalendarSync, type CalendarSyncOptions } from './sync/calendarSync'

export interface ServiceOptions {
  store: Store
  now?: () => Date
  newId?: () => string
  notifier?: Notifier
  timers?: Timers
  /** Calendar sync: where the password is kept, and test hooks. */
  sync?: CalendarSyncOptions
}

/** How many deleted follow-ups can still be brought back with Undo. */
const UNDO_DEPTH = 50

const earliest = (...dates: (Date | null)[]) =>
  dates.reduce<Date | null>((a, b) => (a === null ? b : b === null ? a : a < b ? a : b), null)

/**
 * The one implementation of the API. It owns the clock: it pushes a new board
 * whenever data changes and whenever a card changes column or a reminder is due.
 */
export class FollowThroughService {
  readonly handlers: Handlers
  readonly #store: Store
  readonly #now: () => Date
  readonly #newId: () => string
  readonly #notifier: Notifier | undefined
  readonly #alarm: WallClockAlarm
  readonly #listeners = new Set<(board: BoardSnapshot) => void>()
  readonly #recentlyRemoved: FollowUp[] = []
  readonly #problems = new Set<string>()
  /** Messages the person dismisses: a recovered data file, follow-ups missed while away. */
  readonly #notices: string[]
  /** Follow-ups that went overdue while the app was closed, until "Got it". */
  #away: AwaySummary | null = null
  readonly #commitListeners = new Set<(change: DataChange) => void>()
  readonly #sync: CalendarSync

  constructor(options: ServiceOptions) {
    this.#store = options.store
    this.#now = options.now ?? (() => new Date())
    this.#newId = options.newId ?? randomUUID
    this.#notifier = options.notifier
    this.#alarm = new WallClockAlarm(this.#now, () => this.#onTime(), options.timers)
    this.#store.onWriteError((error) => {
      this.#problems.clear()
      if (error) this.#problems.add(error.message)
      this.#publish()
    })
    this.#notices = [...this.#store.notices]
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

  /** Starts the clock: sends reminders already due (summarising missed ones) and arms the alarm. */
  start(): void {
    this.#away = overdueWhileAway(this.#store.data, this.#now())
    this.#onTime()
    this.#sync.start()
  }

  /** The machine woke or the clock jumped: look at the wall clock again now. */
  wake(): void {
    this.#onTime()
    this.#sync.wake()
  }

  board(): BoardSnapshot {
    const board = buildBoard(this.#store.data, this.#now(), {
      readOnly: this.#store.readOnly,
      notices: [...this.#notices, ...this.#problems],
    })
    const away = stillAway(this.#store.data, this.#away)
    return away ? { ...board, away } : board
  }

  subscribe(listener: (board: BoardSnapshot) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Stops the clock and writes everything to disk. */
  async stop(): Promise<void> {
    this.#alarm.stop()
    await this.#sync.stop()
    await this.#store.close()
  }

  #commit(next: Data): void {
    const before = this.#store.data
    if (next === before) return
    this.#store.update(next)
    if (this.#commitListeners.size > 0) {
      const change = diffData(before, next)
      for (const listener of this.#commitListeners) listener(change)
    }
    this.#publish()
    this.#rearm()
  }

  #publish(): void {
    if (this.#listeners.size === 0) return
    const board = this.board()
    for (const listener of this.#listeners) listener(board)
  }

  #rearm(): void {
    const now = this.#now()
    const data = this.#store.data
    this.#alarm.set(earliest(nextTransitionAt(data, now), this.#notifier ? nextReminderAt(data, now) : null))
  }

  #onTime(): void {
    this.#sendDueReminders()
    this.#recordMissed()
    this.#publish()
    this.#rearm()
  }

  /** A deadline passed with no delivery and no heads-up: the history says the promise was missed. */
  #recordMissed(): void {
    if (this.#store.readOnly) return
    const data = this.#store.data
    const next = recordMissedPromises(data, this.#now())
    if (next !== data) this.#store.update(next)
  }

  #sendDueReminders(): void {
    if (!this.#notifier || this.#store.readOnly) return
    const now = this.#now()
    const reminders = dueReminders(this.#store.data, now)
    if (reminders.length === 0) return
    let data = this.#store.data
    for (const reminder of reminders) data = markNotified(data, reminder.followUpId, reminder.settles, now)
    this.#store.update(data)
    const notifications = notificationsFor(reminders, now)
    // A summary of reminders missed while away also stays on the board until dismissed.
    for (const summary of notifications.filter((n) => n.followUpId === undefined)) this.#notices.push(`${summary.title}: ${summary.body}`)
    for (const notification of notifications) {
      this.#notifier.notify(notification).catch((error) => console.error('Follow Through: notification failed', error))
    }
  }

  /** Checked before a command does any work, so a refusal leaves nothing half done (e.g. the undo list). */
  #guardWritable(): void {
    this.#store.assertWritable()
  }

  #createHandlers(): Handlers {
    const mutate = (change: (data: Data, now: Date) => Data, id: string) => {
      this.#guardWritable()
      this.#commit(change(this.#store.data, this.#now()))
      return findFollowUp(this.#store.data, id)
    }
    const create = (draft: Parameters<typeof createFollowUp>[1]) => {
      this.#guardWritable()
      const { data, followUp } = createFollowUp(this.#store.data, draft, this.#now(), this.#newId())
      this.#commit(data)
      return followUp
    }
    return {
      getBoard: () => this.board(),
      getSettings: () => this.#store.data.settings,
      updateSettings: (patch) => {
        this.#guardWritable()
        this.#commit(updateSettings(this.#store.data, patch))
        return this.#store.data.settings
      },
      dismissNotice: ({ notice }) => {
        const index = this.#notices.indexOf(notice)
        if (index >= 0) {
          this.#notices.splice(index, 1)
          this.#publish()
        }
        return { dismissed: index >= 0 }
      },
      parseQuickAdd: ({ text }) => parseQuickAdd(text, this.#now()),
      quickAdd: ({ text }) => create(parseQuickAdd(text, this.#now()).draft),
      create: (draft) => create(draft),
      update: ({ id, patch }) => mutate((data, now) => updateFollowUp(data, id, patch, now), id),
      // Delivering a promise plans its check-in (the method's "follow through"); the tray's Mark done comes here too.
      complete: ({ id }) => mutate((data, now) => deliver(data, id, now, this.#newId), id),
      draftHeadsUp: ({ id, dueAt, allDay }) => ({ message: draftHeadsUp(findFollowUp(this.#store.data, id), new Date(dueAt), this.#now(), allDay) }),
      sendHeadsUp: ({ id, ...input }) => mutate((data, now) => sendHeadsUp(data, id, input, now), id),
      addChecklistItem: ({ id, text }) => mutate((data) => addChecklistItem(data, id, text, this.#newId()), id),
      setChecklistItem: ({ id, itemId, done }) => mutate((data) => setChecklistItem(data, id, itemId, done), id),
      removeChecklistItem: ({ id, itemId }) => mutate((data) => removeChecklistItem(data, id, itemId), id),
      reopen: ({ id }) => mutate((data, now) => reopenFollowUp(data, id, now), id),
      snooze: ({ id, until }) => mutate((data, now) => snoozeFollowUp(data, id, new Date(until), now), id),
      reschedule: ({ id, ...dates }) => mutate((data, now) => rescheduleFollowUp(data, id, dates, now), id),
      planForToday: ({ id }) => mutate((data, now) => planForToday(data, id, now), id),
      remove: ({ id }) => {
        this.#guardWritable()
        const { data, removed } = removeFollowUp(this.#store.data, id)
        this.#recentlyRemoved.push(removed)
        this.#recentlyRemoved.splice(0, Math.max(0, this.#recentlyRemoved.length - UNDO_DEPTH))
        this.#commit(data)
        return { id }
      },
      checkCadence: ({ client, at }) => checkCadence(this.#store.data, client, new Date(at)),
      logContact: (input) => {
        this.#guardWritable()
        const { data, contact } = logContact(this.#store.data, input, this.#now(), this.#newId())
        this.#commit(data)
        return contact
      },
      getScorecard: ({ weeks }) => scorecard(this.#store.data, this.#now(), { weeks }),
      exportScorecardCsv: () => {
        const now = this.#now()
        return { filename: scorecardFilename(now), csv: scorecardCsv(scorecard(this.#store.data, now)) }
      },
      bulk: ({ ids, ...input }) => {
        this.#guardWritable()
        const action = input.action === 'complete' ? { action: input.action } : { action: input.action, dueAt: input.dueAt!, allDay: input.allDay ?? false, toldClient: input.toldClient ?? false }
        const { data, results } = applyBulk(this.#store.data, ids, action, this.#now(), this.#newId)
        this.#commit(data)
        return { results }
      },
      dismissAway: () => {
        const dismissed = this.#away !== null
        this.#away = null
        if (dismissed) this.#publish()
        return { dismissed }
      },
      startSequence: ({ id, sequence, dryRun }) => {
        if (!dryRun) this.#guardWritable()
        const { data, created } = startSequence(this.#store.data, id, sequence, this.#now(), this.#newId)
        if (!dryRun) this.#commit(data)
        return { created }
      },
      ...this.#sync.handlers,
      ...transferHandlers({
        data: () => this.#store.data,
        commit: (next) => this.#commit(next),
        now: () => this.#now(),
        newId: () => this.#newId(),
        guardWritable: () => this.#guardWritable(),
      }),
      undoRemove: ({ id }) => {
        this.#guardWritable()
        const index = this.#recentlyRemoved.findIndex((f) => f.id === id)
        if (index < 0) throw new DomainError('not_found', 'That deletion can no longer be undone.')
        const [restored] = this.#recentlyRemoved.splice(index, 1)
        this.#commit(restoreFollowUp(this.#store.data, restored))
        return restored
      },
    }
  }
}
