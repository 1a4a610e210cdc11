import type { ChecklistItem, FollowUp } from '../schema'

/**
 * The VTODO's DESCRIPTION: what a phone's task app shows of a follow-up. A short
 * header names the client and how to reach them, then the notes, then the
 * checklist as "[x] item" lines. Reading it back takes the notes and the ticks,
 * so notes edited or items ticked on the phone come home; the header is the
 * app's (the client is not edited on a phone).
 */
const HEADER = /^(Client|Company|Phone|Email): /
const CHECKLIST_TITLE = 'Checklist:'
const ITEM = /^\[( |x|X)\] (.*)$/

export function describeFollowUp(followUp: FollowUp): string {
  const { client } = followUp
  const header = [
    `Client: ${client.name}`,
    ...(client.company ? [`Company: ${client.company}`] : []),
    ...(client.phone ? [`Phone: ${client.phone}`] : []),
    ...(client.email ? [`Email: ${client.email}`] : []),
  ]
  const parts = [header.join('\n')]
  if (followUp.notes.trim()) parts.push(followUp.notes.trim())
  if (followUp.checklist.length > 0) {
    parts.push([CHECKLIST_TITLE, ...followUp.checklist.map((item) => `[${item.done ? 'x' : ' '}] ${item.text}`)].join('\n'))
  }
  return parts.join('\n\n')
}

export interface ReadDescription {
  client?: string
  notes: string
  /** Checklist item text → ticked, as the description lists them. */
  ticks: Map<string, boolean>
}

/** Reads a description written by describeFollowUp, or any other text (all of it becomes the notes). */
export function readDescription(text: string): ReadDescription {
  const lines = text.replace(/\r\n/g, '\n').split('\n')
  let start = 0
  let client: string | undefined
  while (start < lines.length && HEADER.test(lines[start])) {
    if (lines[start].startsWith('Client: ')) client = lines[start].slice('Client: '.length).trim()
    start++
  }
  let end = lines.length
  const ticks = new Map<string, boolean>()
  const checklistAt = lines.lastIndexOf(CHECKLIST_TITLE)
  if (checklistAt >= start && lines.slice(checklistAt + 1).every((line) => line === '' || ITEM.test(line))) {
    for (const line of lines.slice(checklistAt + 1)) {
      const match = line.match(ITEM)
      if (match) ticks.set(match[2], match[1] !== ' ')
    }
    end = checklistAt
  }
  return { client, notes: lines.slice(start, end).join('\n').trim(), ticks }
}

/** The checklist with the description's ticks applied, by item text; the same array when nothing changed. */
export function applyTicks(checklist: ChecklistItem[], ticks: Map<string, boolean>): ChecklistItem[] {
  let changed = false
  const next = checklist.map((item) => {
    const done = ticks.get(item.text)
    if (done === undefined || done === item.done) return item
    changed = true
    return { ...item, done }
  })
  return changed ? next : checklist
}
