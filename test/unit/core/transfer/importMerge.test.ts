import { describe, expect, it } from 'vitest'
import { exportFilename, importData, mergeImport, replaceImport } from '../../../../electron/core/importMerge'
import { emptyData, type Data, type FollowUp } from '../../../../electron/core/schema'
import { aFollowUp } from '../../../fixtures/followUps'

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`
const followUp = (id: string, lastDay: number, title = id): FollowUp =>
  aFollowUp({ id, title, history: [{ type: 'created', at: at(1) }, { type: 'edited', at: at(lastDay), fields: ['title'] }] })
const data = (followUps: FollowUp[], extra: Partial<Data> = {}): Data => ({ ...emptyData(), followUps, ...extra })

describe('merge import', () => {
  it('adds new follow-ups, takes the newer version of known ones, keeps the rest', () => {
    const mine = data([followUp('a', 5, 'mine a'), followUp('b', 9, 'mine b'), followUp('c', 3)])
    const theirs = data([followUp('a', 7, 'theirs a'), followUp('b', 8, 'theirs b'), followUp('c', 3), followUp('d', 2)])
    const outcome = mergeImport(mine, theirs)
    expect(outcome).toMatchObject({ added: 1, updated: 1, unchanged: 2, removed: 0 })
    expect(outcome.data.followUps.map((f) => [f.id, f.title])).toEqual([
      ['a', 'theirs a'],
      ['b', 'mine b'],
      ['c', 'c'],
      ['d', 'd'],
    ])
  })

  it('keeps settings and merges contacts by id', () => {
    const contact = (id: string) => ({ id, client: 'Acme', at: at(2), channel: 'phone' as const, note: id })
    const mine = data([], { contacts: [contact('x')], settings: { ...emptyData().settings, leadTimeMinutes: 30 } })
    const theirs = data([], { contacts: [{ ...contact('x'), note: 'changed' }, contact('y')] })
    const outcome = mergeImport(mine, theirs)
    expect(outcome.data.settings.leadTimeMinutes).toBe(30)
    expect(outcome.data.contacts.map((c) => c.note)).toEqual(['x', 'y'])
    expect(outcome.contactsAdded).toBe(1)
  })

  it('returns the same data when nothing is new', () => {
    const mine = data([followUp('a', 5)])
    expect(mergeImport(mine, data([followUp('a', 5)])).data).toBe(mine)
  })

  it('refuses a file with two follow-ups of the same id', () => {
    expect(() => mergeImport(data([]), data([followUp('a', 1), followUp('a', 2)]))).toThrow(/same id “a”/)
  })
})

describe('replace import', () => {
  it('takes the file as it is and counts what changed', () => {
    const mine = data([followUp('a', 5), followUp('b', 5), followUp('gone', 5)])
    const theirs = data([followUp('a', 5), followUp('b', 6, 'changed'), followUp('new', 1)], { settings: { ...emptyData().settings, leadTimeMinutes: 15 } })
    const outcome = importData(mine, theirs, 'replace')
    expect(outcome).toMatchObject({ added: 1, updated: 1, unchanged: 1, removed: 1 })
    expect(outcome.data).toEqual(theirs)
    expect(replaceImport(mine, theirs).data.settings.leadTimeMinutes).toBe(15)
  })
})

it('names export files by the local date', () => {
  expect(exportFilename(new Date(2026, 10, 27, 23, 30))).toBe('follow-through-export-2026-11-27.json')
  expect(exportFilename(new Date(2026, 0, 5), 'ics', 'calendar')).toBe('follow-through-calendar-2026-01-05.ics')
})
