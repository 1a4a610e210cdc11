import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { METHOD_NAMES, ipcChannel, type Handlers, type Result } from '../contract'
import { dispatch } from '../service/dispatch'
import { isAppUrl } from './appUrl'

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
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers, page: TrustedPage): void {
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
