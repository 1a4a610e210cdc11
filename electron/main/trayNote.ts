import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Notification } from '../service/notifier'

/** Told once, the first time closing the window hides it: the app is still there, and how to quit it. */
export function trayNote(platform: NodeJS.Platform): Notification {
  const where = platform === 'darwin' ? 'menu bar' : 'tray'
  const quit = platform === 'darwin' ? 'choose Quit in its menu or press Cmd+Q' : 'choose Quit in its menu or File → Quit'
  return {
    title: `Follow Through is still running in the ${where}`,
    body: `It keeps reminding you of your follow-ups. To quit, ${quit}.`,
  }
}

/** A flag kept as a file in the profile: true the first time only, for every later start too. */
export function firstTime(markerFile: string): () => boolean {
  return () => {
    if (existsSync(markerFile)) return false
    try {
      mkdirSync(dirname(markerFile), { recursive: true })
      writeFileSync(markerFile, new Date().toISOString())
    } catch {
      // Not remembered: the note may show again next time, which is harmless.
    }
    return true
  }
}
