import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ViewSnapshot } from '../../../electron/contract/view'
import { launchStandIn, menuLabels, type LaunchOptions, type MenuDescription, type StandInApp } from './harness'

/**
 * Helpers the built-bundle scenarios share: a fresh profile per app, and reading
 * what a person sees (the board through the page's bridge, the tray's menu, the
 * window) rather than the service's internals.
 */

/**
 * A time zone in which it is now about noon, so "in 2 hours" is still today and
 * the tray lists it, whatever the hour the suite runs at.
 */
export function zoneNearNoon(now = new Date()): string {
  const offset = 12 - now.getUTCHours()
  return offset >= 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`
}

export interface Profile {
  userData: string
  dataDir: string
  remove(): Promise<void>
}

export async function makeProfile(): Promise<Profile> {
  const root = await mkdtemp(join(tmpdir(), 'follow-through-stand-in-'))
  return { userData: join(root, 'user-data'), dataDir: join(root, 'data'), remove: () => rm(root, { recursive: true, force: true }) }
}

export type Board = { columns: Record<string, string[]>; notices: string[] }

/**
 * The board as the page shows it: a view opened through window.api.openView, as the
 * board's scripts open theirs, read from its snapshot (card titles per column, the
 * banners). Done lists older completions too, as after "Show older". The one place
 * that knows the shape of the page's view: adapt it here when the protocol changes.
 */
export async function pageBoard(app: StandInApp): Promise<Board> {
  const snapshot = await app.request<ViewSnapshot>('viewSnapshot', { olderDone: true })
  const titles = new Map(snapshot.cards.map((card) => [card.id, card.title]))
  const columns = Object.fromEntries(Object.entries(snapshot.windows).map(([column, window]) => [column, window.ids.map((id) => titles.get(id) ?? id)]))
  return { columns, notices: snapshot.status.notices }
}

export async function call<T = unknown>(app: StandInApp, method: string, input: unknown): Promise<T> {
  const result = await app.request<{ ok: boolean; value?: T; error?: { message: string } }>('call', { method, input })
  if (!result.ok) throw new Error(`${method} was refused: ${result.error?.message}`)
  return result.value as T
}

/** Waits until the tray's menu shows a label matching `match`; returns that menu. */
export async function trayShows(app: StandInApp, match: (labels: string[]) => boolean, from = 0): Promise<MenuDescription[]> {
  return app.waitForEvent<MenuDescription[]>('trayMenu', (menu) => match(menuLabels(menu)), from)
}

export const trayItem = (menu: MenuDescription[], includes: string) => menu.find((item) => item.label.includes(includes))

export interface Layout {
  name: string
  main(): string
  packaged: boolean
}

/** Starts the app on a profile, in a zone where it is about noon, and waits until its page has loaded. */
export async function startApp(layout: Layout, profile: Profile, options: Partial<LaunchOptions> = {}): Promise<StandInApp> {
  const app = launchStandIn({
    main: layout.main(),
    packaged: layout.packaged,
    userData: profile.userData,
    dataDir: profile.dataDir,
    ...options,
    env: { TZ: zoneNearNoon(), ...options.env },
  })
  await app.waitForEvent('pageLoaded')
  return app
}

export const dataFile = (profile: Profile) => join(profile.dataDir, 'follow-through.json')
export const hasDataFile = (profile: Profile) => existsSync(dataFile(profile))
