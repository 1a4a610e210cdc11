import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Where the board window was, kept in userData between launches. */
export interface WindowState {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export const WINDOW_STATE_FILE = 'window-state.json'
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false }
export const MIN_WINDOW_SIZE = { width: 720, height: 480 }

/** How much of the window must lie on some screen for its saved place to be reused. */
const MIN_VISIBLE = { width: 120, height: 60 }

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value)

/** Reads what a previous launch saved; anything missing, damaged or absurd gives the default. */
export function parseWindowState(text: string | null): WindowState {
  if (text === null) return { ...DEFAULT_WINDOW_STATE }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { ...DEFAULT_WINDOW_STATE }
  }
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_WINDOW_STATE }
  const { x, y, width, height, maximized } = raw as Record<string, unknown>
  if (!isInt(width) || !isInt(height) || width <= 0 || height <= 0 || width > 100_000 || height > 100_000) {
    return { ...DEFAULT_WINDOW_STATE }
  }
  const state: WindowState = { width, height, maximized: maximized === true }
  if (isInt(x) && isInt(y) && Math.abs(x) <= 100_000 && Math.abs(y) <= 100_000) {
    state.x = x
    state.y = y
  }
  return state
}

const overlap = (a: Rect, b: Rect) => ({
  width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
})

/**
 * Fits a saved state to today's screens: a window on a screen that is gone is
 * recentred (its place dropped), and no window is larger than the largest screen
 * or smaller than the minimum size.
 */
export function fitToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  if (workAreas.length === 0) return { ...state }
  const largest = workAreas.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a))
  const width = Math.max(MIN_WINDOW_SIZE.width, Math.min(state.width, largest.width))
  const height = Math.max(MIN_WINDOW_SIZE.height, Math.min(state.height, largest.height))
  const fitted: WindowState = { width, height, maximized: state.maximized }
  if (state.x !== undefined && state.y !== undefined) {
    const bounds = { x: state.x, y: state.y, width, height }
    const visible = workAreas.some((area) => {
      const o = overlap(bounds, area)
      // The title bar must be reachable: the top edge on the screen, enough of the window showing.
      return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height && bounds.y >= area.y && bounds.y < area.y + area.height
    })
    if (visible) {
      fitted.x = state.x
      fitted.y = state.y
    }
  }
  return fitted
}

export const windowStateFile = (userDataDir: string) => join(userDataDir, WINDOW_STATE_FILE)

export function loadWindowState(file: string): WindowState {
  let text: string | null = null
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    // First launch, or unreadable: the default will do.
  }
  return parseWindowState(text)
}

/** Writes the state (temp file, then rename). Returns false instead of throwing: losing it is harmless. */
export function saveWindowState(file: string, state: WindowState): boolean {
  const temp = `${file}.tmp`
  try {
    writeFileSync(temp, JSON.stringify(state))
    renameSync(temp, file)
    return true
  } catch {
    return false
  }
}
