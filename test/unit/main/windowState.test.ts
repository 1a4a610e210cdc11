import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  loadWindowState,
  MIN_WINDOW_SIZE,
  parseWindowState,
  saveWindowState,
  windowStateFile,
} from '../../../electron/main/windowState'

const SCREEN = { x: 0, y: 0, width: 1920, height: 1080 }
const RIGHT_SCREEN = { x: 1920, y: 0, width: 2560, height: 1440 }

describe('parseWindowState', () => {
  it('reads a saved state', () => {
    expect(parseWindowState('{"x":10,"y":20,"width":1000,"height":700,"maximized":true}')).toEqual({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      maximized: true,
    })
  })

  it.each([
    ['no file', null],
    ['damaged JSON', '{"x":1,'],
    ['not an object', '[1,2]'],
    ['null', 'null'],
    ['missing size', '{"x":1,"y":2}'],
    ['negative size', '{"width":-5,"height":700}'],
    ['fractional size', '{"width":100.5,"height":700}'],
    ['absurd size', '{"width":1e9,"height":700}'],
    ['strings', '{"width":"1000","height":"700"}'],
  ])('gives the default for %s', (_what, text) => {
    expect(parseWindowState(text)).toEqual(DEFAULT_WINDOW_STATE)
  })

  it('keeps the size but drops a position that is not two integers', () => {
    expect(parseWindowState('{"x":"10","y":20,"width":900,"height":600}')).toEqual({ width: 900, height: 600, maximized: false })
  })

  it('returns a fresh object each time, so callers cannot change the default', () => {
    const state = parseWindowState(null)
    state.width = 1
    expect(parseWindowState(null).width).toBe(DEFAULT_WINDOW_STATE.width)
  })
})

describe('fitToDisplays', () => {
  it('keeps a window that is on a screen', () => {
    const state = { x: 100, y: 100, width: 1000, height: 700, maximized: false }
    expect(fitToDisplays(state, [SCREEN])).toEqual(state)
  })

  it('keeps a window on a second screen to the right', () => {
    const state = { x: 2000, y: 100, width: 1000, height: 700, maximized: false }
    expect(fitToDisplays(state, [SCREEN, RIGHT_SCREEN])).toEqual(state)
  })

  it('recentres a window whose screen was unplugged', () => {
    const state = { x: 2000, y: 100, width: 1000, height: 700, maximized: true }
    expect(fitToDisplays(state, [SCREEN])).toEqual({ width: 1000, height: 700, maximized: true })
  })

  it('recentres a window whose title bar is above the screen', () => {
    expect(fitToDisplays({ x: 100, y: -300, width: 1000, height: 700, maximized: false }, [SCREEN])).not.toHaveProperty('x')
  })

  it('recentres a window with only a sliver on screen', () => {
    expect(fitToDisplays({ x: 1880, y: 100, width: 1000, height: 700, maximized: false }, [SCREEN])).not.toHaveProperty('x')
  })

  it('shrinks a window larger than the largest screen and grows one below the minimum', () => {
    expect(fitToDisplays({ width: 5000, height: 3000, maximized: false }, [SCREEN, RIGHT_SCREEN])).toEqual({
      width: 2560,
      height: 1440,
      maximized: false,
    })
    expect(fitToDisplays({ width: 10, height: 10, maximized: false }, [SCREEN])).toEqual({
      width: MIN_WINDOW_SIZE.width,
      height: MIN_WINDOW_SIZE.height,
      maximized: false,
    })
  })

  it('leaves the state alone when no screen is known', () => {
    const state = { x: 5, y: 5, width: 800, height: 600, maximized: false }
    expect(fitToDisplays(state, [])).toEqual(state)
  })
})

describe('loadWindowState and saveWindowState', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ft-window-state-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('keeps the state in window-state.json in the given folder', () => {
    expect(windowStateFile('/u')).toBe(join('/u', 'window-state.json'))
  })

  it('round-trips what it saved, leaving no temp file behind', async () => {
    const file = windowStateFile(dir)
    const state = { x: 40, y: 50, width: 1100, height: 750, maximized: false }
    expect(saveWindowState(file, state)).toBe(true)
    expect(loadWindowState(file)).toEqual(state)
    expect(await readdir(dir)).toEqual(['window-state.json'])
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(state)
  })

  it('loads the default on first launch and from a damaged file', async () => {
    const file = windowStateFile(dir)
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE)
    await writeFile(file, '\u0000garbage')
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE)
  })

  it('reports a failed save instead of throwing', () => {
    expect(saveWindowState(join(dir, 'missing-folder', 'window-state.json'), DEFAULT_WINDOW_STATE)).toBe(false)
  })
})
