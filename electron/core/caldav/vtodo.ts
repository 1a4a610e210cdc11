import ICAL from 'ical.js'
import { DomainError } from '../errors'
import { FollowUpKind, type FollowUp } from '../schema'
import { describeFollowUp } from './description'
import { endOfLocalDate, instantOf, localDate, utcTime } from './times'

/**
 * A follow-up as one VTODO (RFC 5545), built and read with ical.js. Each repeat of
 * a recurring follow-up is its own follow-up, so its own VTODO: no RRULE, which
 * phone task apps handle each in their own way.
 */
export const PRODUCT_ID = '-//Follow Through//Follow-ups//EN'
/** Keeps the own target when a client drops or rewrites alarms. */
export const TARGET_PROPERTY = 'x-follow-through-target'
/** Marks the alarm the app writes, so the others are kept as they are. */
const OWN_ALARM_PROPERTY = 'x-follow-through-alarm'

/** The properties the app writes; everything else in a VTODO belongs to other clients and is kept. */
const OWN_PROPERTIES = new Set([
  'uid', 'dtstamp', 'created', 'last-modified', 'sequence', 'summary', 'due', 'description',
  'status', 'completed', 'percent-complete', 'categories', TARGET_PROPERTY,
])

const OWN_UID_PREFIX = 'follow-through-'

/** The UID of a follow-up's VTODO when the app created it: stable, from its id. */
export const todoUid = (followUpId: string) => `${OWN_UID_PREFIX}${followUpId}`

/** The follow-up id a UID the app wrote carries; undefined for other clients' UIDs. */
export const followUpIdOfUid = (uid: string) => (uid.startsWith(OWN_UID_PREFIX) ? uid.slice(OWN_UID_PREFIX.length) : undefined)

/** A resource name a server accepts for a UID: letters, digits, - and _ only. */
export const todoFileName = (uid: string) => `${uid.replace(/[^A-Za-z0-9_-]/g, '_')}.ics`

export interface TodoMeta {
  uid: string
  sequence: number
  now: Date
  /** When the follow-up last changed here (LAST-MODIFIED). */
  modifiedAt: string
  /** What other clients wrote, from a previous read (see RemoteTodo.foreign). */
  foreign?: string
}

function addTime(component: ICAL.Component, name: string, value: ICAL.Time, type: 'date' | 'date-time' = 'date-time'): void {
  const property = new ICAL.Property(name)
  property.resetType(type)
  property.setValue(value)
  component.addProperty(property)
}

export function writeVtodo(followUp: FollowUp, meta: TodoMeta): string {
  const calendar = new ICAL.Component(['vcalendar', [], []])
  calendar.addPropertyWithValue('prodid', PRODUCT_ID)
  calendar.addPropertyWithValue('version', '2.0')
  const todo = new ICAL.Component('vtodo')
  todo.addPropertyWithValue('uid', meta.uid)
  addTime(todo, 'dtstamp', utcTime(meta.now.toISOString()))
  addTime(todo, 'created', utcTime(followUp.createdAt))
  addTime(todo, 'last-modified', utcTime(meta.modifiedAt))
  todo.addPropertyWithValue('sequence', meta.sequence)
  todo.addPropertyWithValue('summary', followUp.title)
  if (followUp.allDay) addTime(todo, 'due', localDate(followUp.dueAt), 'date')
  else addTime(todo, 'due', utcTime(followUp.dueAt))
  todo.addPropertyWithValue('description', describeFollowUp(followUp))
  todo.addPropertyWithValue('categories', followUp.kind)
  if (followUp.completedAt) {
    todo.addPropertyWithValue('status', 'COMPLETED')
    addTime(todo, 'completed', utcTime(followUp.completedAt))
    todo.addPropertyWithValue('percent-complete', 100)
  } else {
    todo.addPropertyWithValue('status', 'NEEDS-ACTION')
  }
  todo.addPropertyWithValue(TARGET_PROPERTY, followUp.targetAt)
  const alarm = new ICAL.Component('valarm')
  alarm.addPropertyWithValue('action', 'DISPLAY')
  alarm.addPropertyWithValue('description', followUp.title)
  addTime(alarm, 'trigger', utcTime(followUp.targetAt))
  alarm.addPropertyWithValue(OWN_ALARM_PROPERTY, 'target')
  todo.addSubcomponent(alarm)
  if (meta.foreign) {
    // Copies: ical.js moves a property or component it is given out of its old parent.
    const kept = new ICAL.Component(ICAL.parse(meta.foreign))
    for (const zone of kept.getAllSubcomponents('vtimezone')) calendar.addSubcomponent(new ICAL.Component(zone.toJSON()))
    const keptTodo = kept.getFirstSubcomponent('vtodo')
    for (const property of keptTodo?.getAllProperties() ?? []) todo.addProperty(new ICAL.Property(property.toJSON()))
    for (const component of keptTodo?.getAllSubcomponents() ?? []) todo.addSubcomponent(new ICAL.Component(component.toJSON()))
  }
  calendar.addSubcomponent(todo)
  return calendar.toString() + '\r\n'
}

/** What the app reads from a VTODO, whoever wrote it. */
export interface RemoteTodo {
  uid: string
  title: string
  due?: { dueAt: string; allDay: boolean }
  /** The own target: the app's alarm, else its X- property. */
  targetAt?: string
  completedAt?: string
  description: string
  lastModified?: string
  sequence: number
  kind?: FollowUp['kind']
  /** Other clients' properties and components, as iCalendar text to write back; absent when there are none. */
  foreign?: string
}

const isOwnAlarm = (component: ICAL.Component) => component.name === 'valarm' && component.hasProperty(OWN_ALARM_PROPERTY)

function foreignPart(calendar: ICAL.Component, todo: ICAL.Component): string | undefined {
  const properties = todo.getAllProperties().filter((property) => !OWN_PROPERTIES.has(property.name))
  const components = todo.getAllSubcomponents().filter((component) => !isOwnAlarm(component))
  if (properties.length === 0 && components.length === 0) return undefined
  const kept = new ICAL.Component(['vcalendar', [], []])
  // Their times may name zones: keep the zones with them.
  for (const zone of calendar.getAllSubcomponents('vtimezone')) kept.addSubcomponent(new ICAL.Component(zone.toJSON()))
  const keptTodo = new ICAL.Component('vtodo')
  for (const property of properties) keptTodo.addProperty(new ICAL.Property(property.toJSON()))
  for (const component of components) keptTodo.addSubcomponent(new ICAL.Component(component.toJSON()))
  kept.addSubcomponent(keptTodo)
  return kept.toString()
}

function dueOf(todo: ICAL.Component, calendar: ICAL.Component): RemoteTodo['due'] {
  const property = todo.getFirstProperty('due')
  if (!property) return undefined
  if (property.type === 'date') return { dueAt: endOfLocalDate(property.getFirstValue() as ICAL.Time).toISOString(), allDay: true }
  return { dueAt: instantOf(property, calendar).toISOString(), allDay: false }
}

/** The own target: the alarm's time when a client moved it, else the X- property (which keeps milliseconds). */
function targetOf(todo: ICAL.Component, calendar: ICAL.Component): string | undefined {
  const value = todo.getFirstPropertyValue(TARGET_PROPERTY)
  const kept = typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value) : undefined
  const trigger = todo.getAllSubcomponents('valarm').find(isOwnAlarm)?.getFirstProperty('trigger')
  const alarm = trigger && trigger.type === 'date-time' ? instantOf(trigger, calendar) : undefined
  if (alarm && !(kept && sameSecond(alarm, kept))) return alarm.toISOString()
  return kept?.toISOString()
}

/** iCalendar times have whole seconds; the app's instants may carry milliseconds. */
export const sameSecond = (a: Date | string, b: Date | string) =>
  Math.floor(new Date(a).getTime() / 1000) === Math.floor(new Date(b).getTime() / 1000)

function completedOf(todo: ICAL.Component, calendar: ICAL.Component): string | undefined {
  const status = String(todo.getFirstPropertyValue('status') ?? '').toUpperCase()
  const completed = todo.getFirstProperty('completed')
  if (status !== 'COMPLETED' && !completed) return undefined
  if (completed) return instantOf(completed, calendar).toISOString()
  const modified = todo.getFirstProperty('last-modified') ?? todo.getFirstProperty('dtstamp')
  return modified ? instantOf(modified, calendar).toISOString() : undefined
}

function kindOf(todo: ICAL.Component): FollowUp['kind'] | undefined {
  for (const property of todo.getAllProperties('categories')) {
    for (const value of property.getValues()) {
      const kind = FollowUpKind.safeParse(String(value))
      if (kind.success) return kind.data
    }
  }
  return undefined
}

/** Reads one calendar object resource; a refusal names what is wrong with it. */
export function readVtodo(ics: string): RemoteTodo {
  let calendar: ICAL.Component
  try {
    calendar = new ICAL.Component(ICAL.parse(ics))
  } catch (error) {
    throw new DomainError('invalid_input', `The calendar sent an entry that is not valid iCalendar: ${(error as Error).message}`)
  }
  const todo = calendar.getFirstSubcomponent('vtodo')
  if (!todo) throw new DomainError('invalid_input', 'The calendar entry holds no task (VTODO).')
  const uid = todo.getFirstPropertyValue('uid')
  if (typeof uid !== 'string' || uid === '') throw new DomainError('invalid_input', 'The calendar sent a task without a UID.')
  const modified = todo.getFirstProperty('last-modified')
  const completedAt = completedOf(todo, calendar)
  const targetAt = targetOf(todo, calendar)
  const kind = kindOf(todo)
  const foreign = foreignPart(calendar, todo)
  const due = dueOf(todo, calendar)
  return {
    uid,
    title: String(todo.getFirstPropertyValue('summary') ?? '').trim(),
    description: String(todo.getFirstPropertyValue('description') ?? ''),
    sequence: Number(todo.getFirstPropertyValue('sequence') ?? 0) || 0,
    ...(due ? { due } : {}),
    ...(targetAt ? { targetAt } : {}),
    ...(completedAt ? { completedAt } : {}),
    ...(modified ? { lastModified: instantOf(modified, calendar).toISOString() } : {}),
    ...(kind ? { kind } : {}),
    ...(foreign ? { foreign } : {}),
  }
}
