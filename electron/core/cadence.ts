import { addDays, subDays } from 'date-fns'
import { clientKey, followUpsOfClient } from './followUpList'
import type { Data, Settings } from './schema'

export interface CadenceCheck {
  /** False when one more touch at that time would exceed the client's cadence. */
  withinCadence: boolean
  /** Touches (completed follow-ups and logged contacts) in the window before that time. */
  touches: number
  maxTouches: number
  windowDays: number
  lastTouchAt?: string
  /** The earliest time a new touch would fit the cadence, when it does not now. */
  suggestedAt?: string
}

/** When the person touched this client: completed follow-ups and logged contacts, oldest first. */
export function touchesOf(data: Data, client: string): number[] {
  const times: number[] = []
  for (const followUp of followUpsOfClient(data.followUps, client)) {
    if (followUp.completedAt !== undefined) times.push(Date.parse(followUp.completedAt))
  }
  const name = clientKey(client)
  for (const contact of data.contacts) if (clientKey(contact.client) === name) times.push(Date.parse(contact.at))
  return times.sort((a, b) => a - b)
}

/**
 * Don't pester: would one more touch of `client` at `at` exceed the cadence
 * (settings.cadence: at most maxTouches in any windowDays)? The answer carries the
 * last touch and the earliest date that would fit, so the person can decide.
 */
export function checkCadence(data: Data, client: string, at: Date, settings: Settings = data.settings): CadenceCheck {
  const { maxTouches, windowDays } = settings.cadence
  const windowStart = subDays(at, windowDays).getTime()
  const inWindow = touchesOf(data, client).filter((t) => t > windowStart && t <= at.getTime())
  const last = inWindow.at(-1)
  const result: CadenceCheck = {
    withinCadence: inWindow.length < maxTouches,
    touches: inWindow.length,
    maxTouches,
    windowDays,
    ...(last !== undefined ? { lastTouchAt: new Date(last).toISOString() } : {}),
  }
  if (!result.withinCadence) {
    // The window must first let go of enough touches to leave room for one more.
    const blocking = inWindow[inWindow.length - maxTouches]
    result.suggestedAt = addDays(blocking, windowDays).toISOString()
  }
  return result
}
