import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/**
 * The machine has no network: without these flags Chromium keeps trying to reach
 * Google services and floods the log with refused connections.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

function playwrightsOwnChromium(): string | null {
  try {
    const path = chromium.executablePath()
    return path && existsSync(path) ? path : null
  } catch {
    return null
  }
}

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium, else a browser Playwright installed itself; null if none exists. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH?.trim()
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  return playwrightsOwnChromium()
}

/**
 * The Chromium to run browser tests with, or null when the suite should skip.
 * On CI (CI=true) a missing browser is an error, never a silent skip.
 */
export function chromiumForTests(): string | null {
  const path = findChromium()
  if (path) return path
  const why = process.env.CHROMIUM_PATH?.trim()
    ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`
    : 'no Chromium found (set CHROMIUM_PATH, install /usr/bin/chromium, or run `npx playwright-core install chromium`)'
  if (process.env.CI === 'true') throw new Error(`Browser end-to-end tests cannot run on CI: ${why}.`)
  console.warn(`Skipping browser end-to-end tests: ${why}.`)
  return null
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS })
}
