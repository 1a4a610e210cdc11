import type { Api, AppError, Bridge, Result, ViewMessage } from '../../electron/contract'
import { apiFromTransport, VIEW_STREAM_PATH } from '../../electron/contract/methods'
import { openViewWith } from '../../electron/contract/viewClient'

const TOKEN_KEY = 'follow-through-token'

/**
 * Browser mode's access token: from the printed link on first load (boot.ts then
 * strips it from the address bar), kept in session storage, which is per tab and
 * per origin. Never a cookie: cookies reach every port on 127.0.0.1.
 */
function accessToken(): string {
  const fromUrl = new URLSearchParams(location.search).get('token')
  if (!fromUrl) return sessionStorage.getItem(TOKEN_KEY) ?? ''
  // Stored once the first requests have left: the page's first use of session storage takes a few milliseconds.
  setTimeout(() => sessionStorage.setItem(TOKEN_KEY, fromUrl), 0)
  return fromUrl
}

/** Why the service refused a view: EventSource hides the answer, so ask once more with fetch to read it. */
async function refusalOf(url: string): Promise<AppError> {
  const unknown: AppError = { code: 'internal', message: 'Follow Through did not answer. Reload the page to try again.' }
  try {
    const response = await fetch(url)
    if (response.ok) {
      await response.body?.cancel()
      return unknown
    }
    const answer = (await response.json()) as Result<unknown>
    return answer.ok ? unknown : answer.error
  } catch {
    return unknown
  }
}

/** Browser mode: the same contract over loopback HTTP, views over Server-Sent Events. */
function httpBridge(): Bridge {
  const token = accessToken()
  const call = async (method: string, input: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      })
      // Refusals come with their HTTP status (400, 403, 404, 413, 500) and the same JSON body.
      return (await response.json()) as Result<unknown>
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Follow Through is not reachable. Is it still running?' } }
    }
  }
  const api = apiFromTransport<Api>(call)
  const streams = new Map<string, EventSource>()
  return {
    ...api,
    openView: openViewWith(
      {
        open(viewId, query, ranges, receive) {
          const params = new URLSearchParams({ viewId, query: JSON.stringify(query), ranges: JSON.stringify(ranges), token })
          const url = `/${VIEW_STREAM_PATH}?${params}`
          const events = new EventSource(url)
          events.addEventListener('view', (event) => receive(JSON.parse((event as MessageEvent<string>).data) as ViewMessage))
          // A refused view answers with an error status, which closes an EventSource for good (a lost connection retries instead).
          events.addEventListener('error', () => {
            if (events.readyState === EventSource.CLOSED) void refusalOf(url).then((error) => receive({ type: 'refused', error }))
          })
          streams.set(viewId, events)
        },
        call: (method, input) => call(method, input),
        stop(viewId) {
          streams.get(viewId)?.close()
          streams.delete(viewId)
        },
      },
      () => crypto.randomUUID(),
    ),
    // Only the desktop shell sends commands (tray, notification clicks, global shortcut).
    onShellCommand: () => () => {},
    systemLocale: () => navigator.language,
  }
}

/** The only module that touches window.api. */
export const api: Bridge = window.api ?? httpBridge()
