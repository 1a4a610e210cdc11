import { describe, expect, it } from 'vitest'
import { buildBoard } from '../../../electron/core/board'
import { emptyData, type FollowUp } from '../../../electron/core/schema'
import { FollowThroughService, TRAY_CARDS, type TrayBoard } from '../../../electron/service/service'
import { aFollowUp } from '../../fixtures/followUps'
import { MemoryStore } from '../service/memoryStore'
import {
  followUpLabel,
  snoozeOneHour,
  snoozeTomorrowMorning,
  TRAY_LIST_LIMIT,
  trayModel,
  type TrayMenuItem,
} from '../../../electron/main/trayModel'

/** Monday 23 November 2026, 10:00 Berlin time (vitest runs in Europe/Berlin). */
const NOW = new Date('2026-11-23T10:00:00+01:00')

const followUp = (id: string, overrides: Partial<FollowUp> = {}) => aFollowUp({ id, title: `Follow-up ${id}`, ...overrides })

const dueToday = (id: string, hhmm: string, overrides: Partial<FollowUp> = {}) =>
  followUp(id, { dueAt: `2026-11-23T${hhmm}:00+01:00`, targetAt: '2026-11-23T09:00:00+01:00', ...overrides })
const overdue = (id: string, iso: string, overrides: Partial<FollowUp> = {}) =>
  followUp(id, { dueAt: iso, targetAt: '2026-11-20T09:00:00+01:00', ...overrides })

function dataOf(followUps: FollowUp[]) {
  const data = emptyData()
  data.followUps = followUps
  return data
}

/** A card as the board shows it, for the label rules. */
const cardsOf = (followUps: FollowUp[]) => buildBoard(dataOf(followUps), NOW).columns

/** The tray board exactly as the service gives it to the shell. */
function trayOf(followUps: FollowUp[], readOnly = false): TrayBoard {
  const store = new MemoryStore(dataOf(followUps))
  store.readOnly = readOnly
  return new FollowThroughService({ store, now: () => NOW }).tray()
}

const model = (followUps: FollowUp[], startAtLogin = false) => trayModel(trayOf(followUps), NOW, { startAtLogin })
const labels = (items: TrayMenuItem[]) => items.map((item) => (item.kind === 'separator' ? '---' : item.label))
const followUpItems = (items: TrayMenuItem[]) =>
  items.filter((item): item is Extract<TrayMenuItem, { kind: 'submenu' }> => item.kind === 'submenu' && item.label !== 'Plan for today')
const planForToday = (items: TrayMenuItem[]) => items.find((item) => item.kind === 'submenu' && item.label === 'Plan for today')

describe('trayModel counts', () => {
  it('says "N due today, M overdue" in the tooltip', () => {
    const m = model([dueToday('a', '16:00'), dueToday('b', '17:00'), overdue('c', '2026-11-22T15:00:00+01:00')])
    expect(m.tooltip).toBe('2 due today, 1 overdue')
  })

  it('shows the number needing attention as the macOS title and the badge', () => {
    const m = model([dueToday('a', '16:00'), overdue('c', '2026-11-22T15:00:00+01:00')])
    expect(m.title).toBe('2')
    expect(m.badgeCount).toBe(2)
  })

  it('shows no title and a zero badge when nothing is due', () => {
    const m = model([followUp('later'), followUp('done', { completedAt: '2026-11-23T08:00:00+01:00' })])
    expect(m.title).toBe('')
    expect(m.badgeCount).toBe(0)
    expect(m.tooltip).toBe('0 due today, 0 overdue')
    expect(labels(m.menu)[0]).toBe('Nothing due today')
  })

  it('ignores done and promised follow-ups', () => {
    const m = model([followUp('later'), followUp('done', { completedAt: '2026-11-23T08:00:00+01:00', dueAt: '2026-11-23T12:00:00+01:00' })])
    expect(followUpItems(m.menu)).toEqual([])
  })
})

describe('trayModel Plan for today', () => {
  const promisedOn = (id: string, day: string) => followUp(id, { dueAt: `2026-11-${day}T16:00:00+01:00`, targetAt: `2026-11-${day}T09:00:00+01:00` })

  it('offers the first promised follow-ups, soonest promise first, each planning it for today', () => {
    const m = model([promisedOn('later', '27'), dueToday('today', '16:00'), promisedOn('sooner', '25')])
    const plan = planForToday(m.menu)
    if (plan?.kind !== 'submenu') throw new Error('expected a Plan for today submenu')
    expect(plan.items.map((item) => item.kind === 'action' && item.action)).toEqual([
      { type: 'planForToday', id: 'sooner' },
      { type: 'planForToday', id: 'later' },
    ])
    expect(plan.items[0].kind === 'action' && plan.items[0].label).toBe('Wed, Nov 25, 4:00 PM — Follow-up sooner — Acme Corp')
    // Before the separator that starts Quick add…, Open board.
    expect(labels(m.menu).indexOf('Plan for today')).toBeLessThan(labels(m.menu).indexOf('Quick add…'))
  })

  it('is absent when nothing is promised for later, and greyed out on read-only data', () => {
    expect(planForToday(model([dueToday('today', '16:00')]).menu)).toBeUndefined()
    const plan = planForToday(trayModel(trayOf([promisedOn('p', '25')], true), NOW, { startAtLogin: false }).menu)
    expect(plan?.kind === 'submenu' && plan.items.map((item) => item.kind === 'action' && item.enabled)).toEqual([false])
  })
})

describe('trayModel menu', () => {
  it('lists overdue follow-ups first, then due ones, each by deadline', () => {
    const m = model([
      dueToday('due-late', '18:00'),
      overdue('overdue-recent', '2026-11-23T09:30:00+01:00'),
      dueToday('due-early', '11:00'),
      overdue('overdue-old', '2026-11-20T09:30:00+01:00'),
    ])
    expect(followUpItems(m.menu).map((item) => item.label)).toEqual([
      'Fri, Nov 20, 9:30 AM — Follow-up overdue-old — Acme Corp',
      '9:30 AM — Follow-up overdue-recent — Acme Corp',
      '11:00 AM — Follow-up due-early — Acme Corp',
      '6:00 PM — Follow-up due-late — Acme Corp',
    ])
  })

  it.each([
    ['en-US', '4:00 PM — Send the proposal — Jenny Rivera', 'Fri, Nov 20, 9:30 AM — '],
    ['en-GB', '16:00 — Send the proposal — Jenny Rivera', 'Fri 20 Nov, 09:30 — '],
    ['de-DE', '16:00 — Send the proposal — Jenny Rivera', 'Fr., 20. Nov., 09:30 — '],
  ])('labels each follow-up "time — title — client" in %s', (locale, today, earlier) => {
    const card = cardsOf([dueToday('a', '16:00', { title: 'Send the proposal', client: { name: 'Jenny Rivera' } })]).due[0]
    expect(followUpLabel(card, NOW, locale)).toBe(today)
    const old = cardsOf([overdue('b', '2026-11-20T09:30:00+01:00')]).overdue[0]
    expect(followUpLabel(old, NOW, locale).startsWith(earlier)).toBe(true)
    const [item] = followUpItems(trayModel(trayOf([dueToday('a', '16:00')]), NOW, { startAtLogin: false, locale }).menu)
    if (item.kind !== 'submenu') throw new Error('expected a submenu')
    expect(item.items.map((sub) => (sub.kind === 'action' ? sub.label : '')).at(-1)).toBe(`Snooze to tomorrow ${locale === 'en-US' ? '9:00 AM' : '09:00'}`)
  })

  it('shows "Today" instead of a time for an all-day follow-up due today', () => {
    const card = cardsOf([dueToday('a', '23:59', { allDay: true })]).due[0]
    expect(followUpLabel(card, NOW)).toMatch(/^Today — /)
  })

  it('cuts long titles and collapses line breaks so the menu stays narrow', () => {
    const card = cardsOf([dueToday('a', '16:00', { title: `Line one\n${'x'.repeat(200)}` })]).due[0]
    const label = followUpLabel(card, NOW)
    expect(label).not.toContain('\n')
    expect(label.length).toBeLessThan(100)
    expect(label).toContain('…')
  })

  it('gives each follow-up Open, Mark done, Snooze 1 h and Snooze to tomorrow 9:00', () => {
    const [item] = followUpItems(model([dueToday('a', '16:00')]).menu)
    if (item.kind !== 'submenu') throw new Error('expected a submenu')
    expect(item.items).toEqual([
      { kind: 'action', label: 'Open', action: { type: 'open', id: 'a' } },
      { kind: 'action', label: 'Mark done', action: { type: 'complete', id: 'a' } },
      { kind: 'action', label: 'Snooze 1 h', action: { type: 'snooze', id: 'a', until: '2026-11-23T10:00:00.000Z' } },
      { kind: 'action', label: 'Snooze to tomorrow 9:00 AM', action: { type: 'snooze', id: 'a', until: '2026-11-24T08:00:00.000Z' } },
    ])
  })

  it('ends with Quick add, Open board, Start at login and Quit', () => {
    const m = model([dueToday('a', '16:00')], true)
    expect(labels(m.menu).slice(-6)).toEqual(['---', 'Quick add…', 'Open board', '---', 'Start at login', 'Quit'])
    expect(m.menu.find((item) => item.kind === 'checkbox')).toMatchObject({ checked: true, action: { type: 'toggleStartAtLogin' } })
    expect(m.menu.at(-1)).toMatchObject({ action: { type: 'quit' } })
  })

  it('shows Start at login unchecked, and greyed out where the platform has none', () => {
    const m = trayModel(trayOf([]), NOW, { startAtLogin: false, startAtLoginAvailable: false })
    expect(m.menu.find((item) => item.kind === 'checkbox')).toMatchObject({ checked: false, enabled: false })
  })

  it(`lists at most ${TRAY_LIST_LIMIT} follow-ups, then "N more…" opening the board`, () => {
    const many = Array.from({ length: TRAY_LIST_LIMIT + 4 }, (_, i) => dueToday(`f${String(i).padStart(2, '0')}`, '16:00'))
    const m = model(many)
    expect(followUpItems(m.menu)).toHaveLength(TRAY_LIST_LIMIT)
    expect(m.menu).toContainEqual({ kind: 'action', label: '4 more…', action: { type: 'openBoard' } })
    expect(m.badgeCount).toBe(TRAY_LIST_LIMIT + 4)
  })

  it(`shows no "more" item at exactly ${TRAY_LIST_LIMIT}`, () => {
    const m = model(Array.from({ length: TRAY_LIST_LIMIT }, (_, i) => dueToday(`f${i}`, '16:00')))
    expect(labels(m.menu).some((label) => label.endsWith('more…'))).toBe(false)
  })

  it('offers only Open and Open board when the data is read-only', () => {
    const m = trayModel(trayOf([dueToday('a', '16:00')], true), NOW, { startAtLogin: false })
    const [item] = followUpItems(m.menu)
    if (item.kind !== 'submenu') throw new Error('expected a submenu')
    expect(item.items.map((sub) => (sub.kind === 'action' ? [sub.label, sub.enabled ?? true] : null))).toEqual([
      ['Open', true],
      ['Mark done', false],
      ['Snooze 1 h', false],
      ['Snooze to tomorrow 9:00 AM', false],
    ])
    expect(m.menu.find((i) => i.kind === 'action' && i.label === 'Quick add…')).toMatchObject({ enabled: false })
  })

  it(`counts every follow-up due or overdue, though the tray board carries only the first ${TRAY_CARDS}`, () => {
    const many = [
      ...Array.from({ length: TRAY_CARDS }, (_, i) => overdue(`o${String(i).padStart(2, '0')}`, '2026-11-22T15:00:00+01:00')),
      ...Array.from({ length: 5 }, (_, i) => dueToday(`d${i}`, '16:00')),
    ]
    const tray = trayOf(many)
    expect(tray.cards).toHaveLength(TRAY_CARDS)
    const m = trayModel(tray, NOW, { startAtLogin: false })
    expect(m.tooltip).toBe(`5 due today, ${TRAY_CARDS} overdue`)
    expect(m.badgeCount).toBe(TRAY_CARDS + 5)
    expect(m.menu).toContainEqual({ kind: 'action', label: `${TRAY_CARDS + 5 - TRAY_LIST_LIMIT} more…`, action: { type: 'openBoard' } })
  })

  it('does not mutate the tray board it is given', () => {
    const tray = trayOf([dueToday('a', '16:00'), overdue('b', '2026-11-22T15:00:00+01:00')])
    const before = structuredClone(tray)
    trayModel(tray, NOW, { startAtLogin: false })
    expect(tray).toEqual(before)
  })
})

describe('snooze instants', () => {
  it('snoozes one hour from now', () => {
    expect(snoozeOneHour(NOW).toISOString()).toBe('2026-11-23T10:00:00.000Z')
  })

  it('snoozes to 9:00 local time tomorrow, even late at night', () => {
    expect(snoozeTomorrowMorning(new Date('2026-11-23T23:30:00+01:00')).toISOString()).toBe('2026-11-24T08:00:00.000Z')
  })

  it('keeps 9:00 on the wall clock across a daylight-saving change', () => {
    // Berlin moves to summer time on Sunday 29 March 2026: 9:00 that day is 07:00 UTC.
    expect(snoozeTomorrowMorning(new Date('2026-03-28T20:00:00+01:00')).toISOString()).toBe('2026-03-29T07:00:00.000Z')
  })
})
