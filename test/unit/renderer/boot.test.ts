// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../electron/core/schema'
import { boot, type AppModule } from '../../../renderer/boot'
import { api as realApi } from '../../../renderer/lib/api'
import { makeBoard, makeCard, mockApi, ok, openedViews } from './support'

vi.mock('../../../renderer/lib/api', async () => (await import('./support')).apiModule())
const api = mockApi(realApi)

let root: HTMLElement
beforeEach(() => {
  vi.clearAllMocks()
  openedViews.length = 0
  document.body.innerHTML = '<div id="root"></div>'
  root = document.getElementById('root')!
  api.getBoard.mockResolvedValue(ok(makeBoard([makeCard()])))
  api.getSettings.mockResolvedValue(ok({ ...DEFAULT_SETTINGS, density: 'comfortable' }))
})

describe('starting the page', () => {
  it('asks for the board and the settings before the app has loaded, then starts it with both', async () => {
    let loaded: (app: AppModule) => void = () => {}
    const startApp = vi.fn()
    const started = boot(root, new Promise<AppModule>((resolve) => (loaded = resolve)))
    expect(api.openView).toHaveBeenCalledTimes(1)
    expect(api.getSettings).toHaveBeenCalledTimes(1)
    loaded({ startApp })
    await started
    const [where, board, , density] = startApp.mock.calls[0]
    expect(where).toBe(root)
    expect([...board.cards()].map((card: { title: string }) => card.title)).toEqual(['Send the proposal'])
    expect(density).toBe('comfortable')
  })

  it('starts the app even when the settings cannot be read (it asks again itself)', async () => {
    api.getSettings.mockRejectedValue(new Error('The main process did not answer'))
    const startApp = vi.fn()
    await boot(root, Promise.resolve({ startApp }))
    expect(startApp).toHaveBeenCalledTimes(1)
    expect(startApp.mock.calls[0][3]).toBeUndefined()
  })

  it('says so, and offers to try again, when the app’s code cannot load', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    await boot(root, Promise.reject(new TypeError('Failed to fetch dynamically imported module')))
    expect(screen.getByRole('alert').textContent).toBe('Follow Through could not load its page.')
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Try again' }))
    // The view it opened meanwhile is closed again.
    expect(openedViews[0].closed).toBe(true)
  })
})
