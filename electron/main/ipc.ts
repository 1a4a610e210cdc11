import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { METHOD_NAMES, ipcChannel, type Handlers } from '../contract'
import { dispatch } from '../service/dispatch'

/** Only our own page, loaded from the app bundle or the dev server, may call the API. */
export function isTrustedSender(event: IpcMainInvokeEvent, devServerUrl?: string): boolean {
  const url = event.senderFrame?.url
  if (!url) return false
  if (url.startsWith('file://')) return true
  return devServerUrl !== undefined && new URL(url).origin === new URL(devServerUrl).origin
}

/** One handler per contract method; each validates the sender, then the payload. */
export function registerIpc(ipcMain: IpcMain, handlers: Handlers, devServerUrl?: string): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), (event, input: unknown) => {
      if (!isTrustedSender(event, devServerUrl)) {
        return { ok: false, error: { code: 'invalid_input', message: 'Refused: the request did not come from Follow Through.' } }
      }
      return dispatch(handlers, method, input)
    })
  }
}
