import { findFollowUp } from './commands'
import { DomainError } from './errors'
import type { ChecklistItem, Data, FollowUp } from './schema'

/** A card's checklist: decisions the client needs to make, or a check-in's steps. */

const MAX_ITEMS = 50

function change(data: Data, id: string, edit: (checklist: ChecklistItem[]) => ChecklistItem[]): Data {
  const current = findFollowUp(data, id)
  const checklist = edit(current.checklist)
  if (checklist === current.checklist) return data
  const next: FollowUp = { ...current, checklist }
  return { ...data, followUps: data.followUps.map((f) => (f.id === id ? next : f)) }
}

function item(checklist: ChecklistItem[], itemId: string): ChecklistItem {
  const found = checklist.find((i) => i.id === itemId)
  if (!found) throw new DomainError('not_found', 'That checklist item no longer exists.')
  return found
}

export function addChecklistItem(data: Data, id: string, text: string, itemId: string): Data {
  const trimmed = text.trim()
  if (trimmed === '') throw new DomainError('invalid_input', 'Say what needs doing or deciding.', { text: 'Enter the item.' })
  return change(data, id, (checklist) => {
    if (checklist.length >= MAX_ITEMS) throw new DomainError('invalid_input', `A checklist holds at most ${MAX_ITEMS} items.`)
    return [...checklist, { id: itemId, text: trimmed, done: false }]
  })
}

export function setChecklistItem(data: Data, id: string, itemId: string, done: boolean): Data {
  return change(data, id, (checklist) => {
    if (item(checklist, itemId).done === done) return checklist
    return checklist.map((i) => (i.id === itemId ? { ...i, done } : i))
  })
}

export function removeChecklistItem(data: Data, id: string, itemId: string): Data {
  return change(data, id, (checklist) => {
    item(checklist, itemId)
    return checklist.filter((i) => i.id !== itemId)
  })
}
