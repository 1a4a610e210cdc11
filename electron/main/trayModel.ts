import { addDays, addHours, isSameDay, set } from 'date-fns'
import type { Card } from '../core/board'
import { DEFAULT_LOCALE, formatDay, formatDayTime, formatTime } from '../core/localeFormat'
import type { TrayBoard } from '../service/service'

/**
 * What the tray shows, as plain data: no Electron here, so every rule (counts,
 * order, labels, the snooze instants, the cap) is unit-tested without a tray.
 */

export type TrayAction =
  | { type: 'open'; id: string }
  | { type: 'complete'; id: string }
  | { type: 'snooze'; id: string; until: string }
  | { type: 'planForToday'; id: string }
  | { type: 'quickAdd' }
  | { type: 'openBoard' }
  | { type: 'toggleStartAtLogin' }
  | { type: 'quit' }

export type TrayMenuItem =
  | { kind: 'action'; label: string; action: TrayAction; enabled?: boolean }
  | { kind: 'checkbox'; label: string; checked: boolean; action: TrayAction; enabled?: boolean }
  | { kind: 'submenu'; label: string; items: TrayMenuItem[] }
  | { kind: 'header'; label: string }
  | { kind: 'separator' }

export interface TrayModel {
  /** Shown on hover everywhere (macOS too, where the title also shows the count): "2 due today, 1 overdue". */
  tooltip: string
  /** Text beside the icon in the macOS menu bar; '' when nothing needs doing. */
  title: string
  /** Dock / launcher badge. */
  badgeCount: number
  menu: TrayMenuItem[]
}

export interface TrayModelOptions {
  startAtLogin: boolean
  /** False where the platform offers no way to start at login; the item is then greyed out. */
  startAtLoginAvailable?: boolean
  /** The locale dates are shown in (the service's: Settings' override or the system's). */
  locale?: string
}

/** How many follow-ups the menu lists before "N more…" (at most the tray board's TRAY_CARDS). */
export const TRAY_LIST_LIMIT = 15
/** Menu labels longer than this are cut with an ellipsis. */
export const TRAY_LABEL_MAX = 48
/** "Snooze to tomorrow" ends at this local hour. */
export const SNOOZE_TOMORROW_HOUR = 9

const truncate = (text: string, max: number) => {
  const clean = text.replace(/\s+/g, ' ').trim()
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`
}

/** "2:00 PM" (en-US) or "14:00" for today, "Fri, Nov 21, 2:00 PM" for another day; all-day items show no time. */
function whenLabel(card: Card, now: Date, locale: string): string {
  const due = new Date(card.dueAt)
  if (isSameDay(due, now)) return card.allDay ? 'Today' : formatTime(due, locale)
  return card.allDay ? formatDay(due, locale, now) : formatDayTime(due, locale, now)
}

/** "2:00 PM — Send the proposal — Jenny Rivera". */
export function followUpLabel(card: Card, now: Date, locale: string = DEFAULT_LOCALE): string {
  return `${whenLabel(card, now, locale)} — ${truncate(card.title, TRAY_LABEL_MAX)} — ${truncate(card.client.name, 32)}`
}

/** The end of a "Snooze 1 h". */
export const snoozeOneHour = (now: Date): Date => addHours(now, 1)

/** The end of a "Snooze to tomorrow 9:00", in local time (DST-safe: set the wall clock, not +24 h). */
export const snoozeTomorrowMorning = (now: Date): Date =>
  set(addDays(now, 1), { hours: SNOOZE_TOMORROW_HOUR, minutes: 0, seconds: 0, milliseconds: 0 })

function followUpItem(card: Card, now: Date, locale: string): TrayMenuItem {
  return {
    kind: 'submenu',
    label: followUpLabel(card, now, locale),
    items: [
      { kind: 'action', label: 'Open', action: { type: 'open', id: card.id } },
      { kind: 'action', label: 'Mark done', action: { type: 'complete', id: card.id } },
      { kind: 'action', label: 'Snooze 1 h', action: { type: 'snooze', id: card.id, until: snoozeOneHour(now).toISOString() } },
      {
        kind: 'action',
        label: `Snooze to tomorrow ${formatTime(snoozeTomorrowMorning(now), locale)}`,
        action: { type: 'snooze', id: card.id, until: snoozeTomorrowMorning(now).toISOString() },
      },
    ],
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** The tray's menu, title and badge from the service's tray board (counts plus the first cards, overdue then due). */
export function trayModel(tray: TrayBoard, now: Date, options: TrayModelOptions): TrayModel {
  const { overdue, due } = tray.counts
  const count = overdue + due
  const listed = tray.cards.slice(0, TRAY_LIST_LIMIT)
  const hidden = count - listed.length
  // Changing anything from the tray makes no sense on read-only data.
  const writable = !tray.readOnly

  const menu: TrayMenuItem[] = []
  if (count === 0) {
    menu.push({ kind: 'header', label: 'Nothing due today' })
  } else {
    menu.push({ kind: 'header', label: plural(count, 'follow-up needs you', 'follow-ups need you') })
    for (const card of listed) {
      const item = followUpItem(card, now, options.locale ?? DEFAULT_LOCALE)
      if (!writable && item.kind === 'submenu') {
        for (const sub of item.items) if (sub.kind === 'action' && sub.action.type !== 'open') sub.enabled = false
      }
      menu.push(item)
    }
    if (hidden > 0) menu.push({ kind: 'action', label: `${hidden} more…`, action: { type: 'openBoard' } })
  }
  if (tray.upcoming.length > 0) {
    // Pulling a promise into today (DESIGN: the same rule as dragging it to Due) without opening the board.
    menu.push({
      kind: 'submenu',
      label: 'Plan for today',
      items: tray.upcoming.map((card) => ({
        kind: 'action',
        label: followUpLabel(card, now, options.locale ?? DEFAULT_LOCALE),
        action: { type: 'planForToday', id: card.id },
        enabled: writable,
      })),
    })
  }
  menu.push(
    { kind: 'separator' },
    { kind: 'action', label: 'Quick add…', action: { type: 'quickAdd' }, enabled: writable },
    { kind: 'action', label: 'Open board', action: { type: 'openBoard' } },
    { kind: 'separator' },
    {
      kind: 'checkbox',
      label: 'Start at login',
      checked: options.startAtLogin,
      action: { type: 'toggleStartAtLogin' },
      enabled: options.startAtLoginAvailable ?? true,
    },
    { kind: 'action', label: 'Quit', action: { type: 'quit' } },
  )

  return {
    tooltip: `${due} due today, ${overdue} overdue`,
    title: count === 0 ? '' : String(count),
    badgeCount: count,
    menu,
  }
}
