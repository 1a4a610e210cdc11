import type { Data } from '../core/schema'
import { diffData } from '../core/dataDiff'
import { countOf } from '../core/localeFormat'

/** What the quit asks the person when the final save failed; each answer is one button. */
export const QUIT_SAVE_BUTTONS = ['Retry', 'Save a copy as…', 'Quit anyway'] as const
export const QUIT_ANYWAY_BUTTONS = ['Quit and lose them', 'Go back'] as const

export interface QuitSaveSteps {
  /** The final save (the service's stop). */
  save(): Promise<void>
  /** Names what is not on disk yet, e.g. "2 follow-ups (Call Jenny Rivera, Send deck)". */
  unsaved(): Promise<string>
  ask(message: string, detail: string, buttons: readonly string[]): Promise<number>
  /** A file name picked by the person, or undefined when they cancelled. */
  chooseCopyPath(): Promise<string | undefined>
  writeCopy(path: string): Promise<void>
}

export type QuitSaveOutcome = 'saved' | 'copied' | 'abandoned'

/**
 * Saves before the app ends and never loses changes silently: when the save
 * fails the person chooses to retry, to save a copy elsewhere, or to quit anyway
 * after a warning that names what would be lost.
 */
export async function saveBeforeQuit(steps: QuitSaveSteps): Promise<QuitSaveOutcome> {
  let failure: Error | null = null
  try {
    await steps.save()
    return 'saved'
  } catch (error) {
    failure = error as Error
  }
  for (;;) {
    const unsaved = await steps.unsaved()
    const choice = await steps.ask('Follow Through could not save your changes.', `${failure.message}\n\nNot saved yet: ${unsaved}.`, QUIT_SAVE_BUTTONS)
    if (QUIT_SAVE_BUTTONS[choice] === 'Retry') {
      try {
        await steps.save()
        return 'saved'
      } catch (error) {
        failure = error as Error
      }
    } else if (QUIT_SAVE_BUTTONS[choice] === 'Save a copy as…') {
      const path = await steps.chooseCopyPath()
      if (path === undefined) continue
      try {
        await steps.writeCopy(path)
        return 'copied'
      } catch (error) {
        failure = new Error(`The copy could not be written to ${path}: ${(error as Error).message}`)
      }
    } else {
      const sure = await steps.ask(`Quit and lose ${unsaved}?`, 'These changes are only in memory; they are gone once Follow Through quits.', QUIT_ANYWAY_BUTTONS)
      if (QUIT_ANYWAY_BUTTONS[sure] === 'Quit and lose them') return 'abandoned'
    }
  }
}

/** "2 follow-ups (Call Jenny Rivera, Send deck) and your settings": what differs between the saved and the current data. */
export function describeUnsaved(saved: Data, current: Data): string {
  const change = diffData(saved, current)
  const titles = change.followUps.put.map((followUp) => followUp.title)
  const parts: string[] = []
  const changed = titles.length + change.followUps.removed.length
  if (changed > 0) {
    const shown = titles.slice(0, 3).join(', ') + (titles.length > 3 ? `, and ${titles.length - 3} more` : '')
    const removed = change.followUps.removed.length > 0 ? `${titles.length > 0 ? '; ' : ''}${change.followUps.removed.length} deleted` : ''
    parts.push(`${countOf(changed, 'follow-up')} (${shown}${removed})`)
  }
  const contacts = change.contacts.put.length + change.contacts.removed.length
  if (contacts > 0) parts.push(countOf(contacts, 'logged contact'))
  if (change.settings) parts.push('your settings')
  return parts.length === 0 ? 'changes made since the last save' : parts.join(', ')
}
