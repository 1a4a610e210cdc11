import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { Api, BoardSnapshot, Bridge } from '../contract'
import { apiFromTransport, BOARD_CHANGED_CHANNEL, ipcChannel } from '../contract/methods'

const bridge = {
  ...apiFromTransport<Api>((method, input) => ipcRenderer.invoke(ipcChannel(method), input)),
  onBoardChanged(listener: (board: BoardSnapshot) => void) {
    const forward = (_event: IpcRendererEvent, board: BoardSnapshot) => listener(board)
    ipcRenderer.on(BOARD_CHANGED_CHANNEL, forward)
    return () => {
      ipcRenderer.removeListener(BOARD_CHANGED_CHANNEL, forward)
    }
  },
} satisfies Bridge

contextBridge.exposeInMainWorld('api', bridge)
