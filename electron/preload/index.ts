import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { Api, Bridge } from '../contract'
import { apiFromTransport, BOARD_CHANGED_CHANNEL, ipcChannel, SHELL_COMMAND_CHANNEL } from '../contract/methods'

/** Forwards one push channel to a page listener without exposing the IPC event itself. */
function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  const forward = (_event: IpcRendererEvent, payload: T) => listener(payload)
  ipcRenderer.on(channel, forward)
  return () => {
    ipcRenderer.removeListener(channel, forward)
  }
}

const api = apiFromTransport<Api>((method, input) => ipcRenderer.invoke(ipcChannel(method), input))

const bridge = {
  ...api,
  onBoardChanged(listener) {
    const unsubscribe = subscribe(BOARD_CHANGED_CHANNEL, listener)
    // The current board first, as browser mode's event stream does on connect.
    void Promise.resolve(api.getBoard({})).then((result) => result?.ok && listener(result.value))
    return unsubscribe
  },
  onShellCommand: (listener) => subscribe(SHELL_COMMAND_CHANNEL, listener),
} satisfies Bridge

contextBridge.exposeInMainWorld('api', bridge)
