import { describe, expect, it } from 'vitest'
import { addChecklistItem, removeChecklistItem, setChecklistItem } from '../../../../electron/core/checklist'
import { createFollowUp, updateFollowUp } from '../../../../electron/core/commands'
import { DomainError } from '../../../../electron/core/errors'
import { emptyData, type Data } from '../../../../electron/core/schema'

const NOW = new Date('2026-11-23T10:00:00+01:00')

function withPromise(checklist?: string[]): Data {
  return createFollowUp(emptyData(), { title: 'Send the proposal', client: { name: 'Jenny Rivera' }, dueAt: '2026-11-27T16:00:00+01:00', checklist }, NOW, 'f1').data
}
const items = (data: Data) => data.followUps[0].checklist.map((i) => `${i.done ? '[x]' : '[ ]'} ${i.text}`)

describe('a card’s checklist', () => {
  it('starts from the decisions typed when the follow-up was created', () => {
    expect(items(withPromise(['Which plan?', ' Start date '])).length).toBe(2)
    expect(items(withPromise(['Which plan?', ' Start date ']))).toEqual(['[ ] Which plan?', '[ ] Start date'])
    expect(items(withPromise())).toEqual([])
  })

  it('adds, ticks, unticks and removes items', () => {
    let data = addChecklistItem(withPromise(), 'f1', '  Budget approved?  ', 'i1')
    data = addChecklistItem(data, 'f1', 'Who signs?', 'i2')
    expect(items(data)).toEqual(['[ ] Budget approved?', '[ ] Who signs?'])
    data = setChecklistItem(data, 'f1', 'i2', true)
    expect(items(data)).toEqual(['[ ] Budget approved?', '[x] Who signs?'])
    expect(setChecklistItem(data, 'f1', 'i2', true)).toBe(data)
    data = removeChecklistItem(data, 'f1', 'i1')
    expect(items(data)).toEqual(['[x] Who signs?'])
  })

  it('refuses an empty item and an item or follow-up that no longer exists', () => {
    const data = withPromise()
    expect(() => addChecklistItem(data, 'f1', '   ', 'i1')).toThrow(DomainError)
    expect(() => addChecklistItem(data, 'nope', 'Budget?', 'i1')).toThrow(/no longer exists/)
    expect(() => setChecklistItem(data, 'f1', 'gone', true)).toThrow(/no longer exists/)
    expect(() => removeChecklistItem(data, 'f1', 'gone')).toThrow(/no longer exists/)
  })

  it('is not touched by an edit of the other fields', () => {
    const data = updateFollowUp(withPromise(['Which plan?']), 'f1', { title: 'Send the revised proposal' }, NOW)
    expect(items(data)).toEqual(['[ ] Which plan?'])
  })
})
