import type { Api, BoardSnapshot, Bridge, Result } from '../../electron/contract'
import { apiFromTransport } from '../../electron/contract/methods'

/** Browser mode: the same contract over loopback HTTP; the access cookie was set when the page loaded. */
function httpBridge(): Bridge {
  const call = async (method: string, input: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      })
      return (await response.json()) as Result<unknown>
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Follow Through is not reachable. Is it still running?' } }
    }
  }
  return {
    ...apiFromTransport<Api>(call),
    onBoardChanged(listener: (board: BoardSnapshot) => void) {
      const events = new EventSource('/api/events')
      events.addEventListener('board', (event) => listener(JSON.parse((event as MessageEvent<string>).data) as BoardSnapshot))
      return () => events.close()
    },
    // Only the desktop shell sends commands (tray, notification clicks, global shortcut).
    onShellCommand: () => () => {},
  }
}

/** The only module that touches window.api. */
export const api: Bridge = window.api ?? httpBridge()
