import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { METHOD_NAMES, OPEN_VIEW_CHANNEL, VIEW_CHANNEL, ipcChannel, type Handlers, type Result } from '../contract'
import { dispatch } from '../service/dispatch'
import type { ViewSink } from '../service/viewHub'
import { isAppUrl } from './appUrl'

/** What opens views for a page: the service (FollowThroughService satisfies it). */
export interface ViewHost {
  openView(raw: unknown, sink: ViewSink): Result<{ viewId: string }>
  readonly views: { close(viewId: string): unknown }
}

/** The one page allowed to call the API: the bundled renderer on app://, or the dev server in development. */
export interface TrustedPage {
  devServerUrl?: string
}

/**
 * Only our own page may call the API: the top frame (never an iframe), showing the
 * bundled board from app://follow-through/ (every file:// page is refused) or, in
 * development, a page from the dev server's origin.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, page: TrustedPage): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  if (isAppUrl(frame.url)) return page.devServerUrl === undefined
  if (page.devServerUrl === undefined) return false
  try {
    return new URL(frame.url).origin === new URL(page.devServerUrl).origin
  } catch {
    return false
  }
}

const refused: Result<never> = {
  ok: false,
  error: { code: 'invalid_input', message: 'Refused: the request did not come from Follow Through.' },
}

/**
 * One handler per contract method (never a generic channel): each checks the
 * sender, then dispatch validates the payload against the contract. Every outcome
 * is a Result value; nothing thrown crosses to the renderer.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers, page: TrustedPage, viewHost?: ViewHost): void {
  if (viewHost) registerViews(ipcMain, viewHost, page)
  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, page)) return refused
      try {
        return await dispatch(handlers, method, input)
      } catch (error) {
        console.error(`Follow Through: ${method} failed`, error)
        return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Follow Through. Your data is safe; please try again.' } }
      }
    })
  }
}

/**
 * Views over IPC: the page invokes OPEN_VIEW_CHANNEL; its snapshot and deltas go back
 * to that page alone on VIEW_CHANNEL, as the JSON text the hub serialised once. A
 * page that goes away (reload, close) closes its views.
 */
function registerViews(ipcMain: Pick<IpcMain, 'handle'>, viewHost: ViewHost, page: TrustedPage): void {
  const openBy = new WeakMap<WebContents, Set<string>>()
  ipcMain.handle(OPEN_VIEW_CHANNEL, (event, input: unknown): Result<unknown> => {
    if (!isTrustedSender(event, page)) return refused
    const sender = event.sender
    const result = viewHost.openView(input, { send: (text) => !sender.isDestroyed() && sender.send(VIEW_CHANNEL, text) })
    if (!result.ok) return result
    let views = openBy.get(sender)
    if (!views) {
      const opened = (views = new Set())
      openBy.set(sender, opened)
      const closeAll = () => {
        for (const viewId of opened) viewHost.views.close(viewId)
        opened.clear()
      }
      sender.once('destroyed', closeAll)
      // A reload keeps the web contents but not the page's views.
      sender.on('did-start-navigation', (details: { isMainFrame?: boolean; isSameDocument?: boolean }) => {
        if (details?.isMainFrame !== false && !details?.isSameDocument) closeAll()
      })
    }
    views.add(result.value.viewId)
    return result
  })
}
