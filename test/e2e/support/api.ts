import type { Api, BoardSnapshot, Card, FollowUpDraft } from '../../../electron/contract'
import type { MethodName } from '../../../electron/contract/methods'
import type { WebApp } from './webApp'

type ResultOf<M extends MethodName> = Awaited<ReturnType<Api[M]>>

/**
 * One API call to a running browser mode, authorised the way a local client would
 * be: the access token as a bearer header. Throws when the HTTP layer refuses it;
 * returns the service's Result otherwise.
 */
export async function callApi<M extends MethodName>(app: WebApp, method: M, input: Parameters<Api[M]>[0]): Promise<ResultOf<M>> {
  const response = await fetch(`${app.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.token}` },
    body: JSON.stringify(input),
  })
  // Refusals come with their HTTP status (400, 403, 404, 500) and the same JSON Result; anything else is a transport failure.
  if (!response.headers.get('content-type')?.startsWith('application/json')) throw new Error(`${method}: HTTP ${response.status} ${await response.text()}`)
  return (await response.json()) as ResultOf<M>
}

/** The board as the service sees it. */
export async function serviceBoard(app: WebApp): Promise<BoardSnapshot> {
  const result = await callApi(app, 'getBoard', {})
  if (!result.ok) throw new Error(`getBoard failed: ${result.error.message}`)
  return result.value
}

/** One card of the service's board, by title. */
export async function serviceCard(app: WebApp, title: string): Promise<Card> {
  const found = Object.values((await serviceBoard(app)).columns)
    .flat()
    .filter((card) => card.title === title)
  if (found.length !== 1) throw new Error(`Expected one card titled “${title}” on the service's board, found ${found.length}.`)
  return found[0]
}

/** Creates a follow-up over HTTP and returns its id; fails the test when the service refuses. */
export async function createOverHttp(app: WebApp, draft: FollowUpDraft): Promise<string> {
  const result = await callApi(app, 'create', draft)
  if (!result.ok) throw new Error(`create “${draft.title}” was refused: ${result.error.message}`)
  return result.value.id
}
