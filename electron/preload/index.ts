import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { Api, Bridge, Result, ViewEvent, ViewMessage } from '../contract'
import { apiFromTransport, ipcChannel, OPEN_VIEW_CHANNEL, SHELL_COMMAND_CHANNEL, SYSTEM_LOCALE_ARG, VIEW_CHANNEL } from '../contract/methods'
import { openViewWith } from '../contract/viewClient'

/** Forwards one push channel to a page listener without exposing the IPC event itself. */
function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  const forward = (_event: IpcRendererEvent, payload: T) => listener(payload)
  ipcRenderer.on(channel, forward)
  return () => {
    ipcRenderer.removeListener(channel, forward)
  }
}

const api = apiFromTransport<Api>((method, input) => ipcRenderer.invoke(ipcChannel(method), input))

/** Every view's messages arrive on one channel as JSON text (serialised once in main); routed here by view id. */
const views = new Map<string, (event: ViewEvent) => void>()
ipcRenderer.on(VIEW_CHANNEL, (_event, text: string) => {
  const message = JSON.parse(text) as ViewMessage
  views.get(message.type === 'snapshot' ? message.snapshot.viewId : message.delta.viewId)?.(message)
})

const openView = openViewWith(
  {
    open(viewId, query, ranges, receive) {
      views.set(viewId, receive)
      void ipcRenderer.invoke(OPEN_VIEW_CHANNEL, { viewId, query, ranges }).then((result: Result<unknown>) => {
        if (!result.ok) receive({ type: 'refused', error: result.error })
      })
    },
    call: (method, input) => api[method](input as never),
    stop: (viewId) => views.delete(viewId),
  },
  () => crypto.randomUUID(),
)

const systemLocale = process.argv.find((arg) => arg.startsWith(SYSTEM_LOCALE_ARG))?.slice(SYSTEM_LOCALE_ARG.length) ?? ''

const bridge = {
  ...api,
  openView,
  onShellCommand: (listener) => subscribe(SHELL_COMMAND_CHANNEL, listener),
  systemLocale: () => systemLocale,
} satisfies Bridge

contextBridge.exposeInMainWorld('api', bridge)
