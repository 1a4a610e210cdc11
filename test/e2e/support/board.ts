import type { Page } from 'playwright-core'
import { DEFAULT_SETTINGS } from '../../../electron/core/schema'
import { defaultTargetAt } from '../../../electron/core/targets'

export type ColumnName = 'Promised' | 'Due' | 'Overdue' | 'Done'
export const COLUMN_NAMES: ColumnName[] = ['Promised', 'Due', 'Overdue', 'Done']

export const QUICK_ADD_EXAMPLE = 'Call Jenny Rivera Friday 4pm 248-867-5309'

/** Accessible-name lookups from DESIGN.md's contracts; exact, since "Due" is part of "Overdue". */
export const region = (page: Page, name: ColumnName) => page.getByRole('region', { name, exact: true })
export const card = (page: Page, title: string, column?: ColumnName) =>
  (column ? region(page, column) : page).getByRole('article', { name: title, exact: true })
export const quickAdd = (page: Page) => page.getByRole('textbox', { name: 'Quick add', exact: true })

/** "Friday 4pm" means the coming Friday at 16:00 local time; typed on a Friday, next week's (see README, Quick add). */
export function nextFriday4pm(now = new Date()): Date {
  const friday = new Date(now)
  friday.setHours(16, 0, 0, 0)
  friday.setDate(friday.getDate() + ((5 - now.getDay() + 7) % 7 || 7))
  return friday
}

/**
 * The column a promise made `now` for `due` belongs in: Due when that is today or its
 * default own target falls today (a promise for tomorrow evening, made early in the
 * day, gets a target this evening), else Promised.
 */
export function columnForNewPromise(due: Date, now = new Date()): ColumnName {
  const target = defaultTargetAt(due, now, DEFAULT_SETTINGS.targetBufferBusinessDays)
  const today = now.toDateString()
  return due.toDateString() === today || target.toDateString() === today ? 'Due' : 'Promised'
}

/** The column a fresh "… Friday 4pm" card belongs in. */
export const columnForFriday4pm = (now = new Date()): ColumnName => columnForNewPromise(nextFriday4pm(now), now)

/** Waits for the board to render: every column region is there. */
export async function waitForBoard(page: Page): Promise<void> {
  for (const name of COLUMN_NAMES) await region(page, name).waitFor({ state: 'visible' })
}

/** Types into Quick add and presses Enter; resolves with the service's answer to the quickAdd call. */
export async function submitQuickAdd(page: Page, text: string): Promise<{ ok: boolean; error?: { message: string } }> {
  const box = quickAdd(page)
  await box.fill(text)
  const response = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/quickAdd')
  await box.press('Enter')
  return (await (await response).json()) as { ok: boolean; error?: { message: string } }
}
