import {
  calendarMultiGet,
  calendarQuery,
  createObject,
  deleteObject,
  fetchHomeUrl,
  fetchPrincipalUrl,
  makeCalendar,
  propfind,
  serviceDiscovery,
  syncCollection,
  updateObject,
  type DAVAccount,
  type DAVResponse,
} from 'tsdav'
import { networkError, statusError, SyncError } from './syncError'

export type Fetch = typeof fetch

export interface DavAccount {
  serverUrl: string
  username: string
  password: string
}

export interface DavOptions {
  /** Replaces global fetch (tests count requests through it). */
  fetch?: Fetch
  timeoutMs?: number
  /** Aborts every request at once (the app is quitting). */
  signal?: AbortSignal
}

export interface Collection {
  url: string
  name: string
  /** Holds tasks (VTODO); false for event-only calendars. */
  tasks: boolean
}

export interface Member {
  href: string
  etag?: string
}

export interface Fetched extends Member {
  ics: string
}

export type WriteResult = { ok: true; etag?: string } | { ok: false; conflict: true }

/** The server says the sync token is no longer valid: start over with a full listing. */
export class StaleSyncToken extends Error {}

const CALDAV_DATA = 'c:calendar-data'
const textOf = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (value && typeof value === 'object') {
    const node = value as { _cdata?: string; _text?: string | number }
    if (node._cdata !== undefined) return node._cdata
    if (node._text !== undefined) return String(node._text)
  }
  return undefined
}
const ensureSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`)

/**
 * CalDAV over tsdav: discovery, collections, listing, fetching and conditional
 * writes. Every request carries the account's Basic credentials and a time-out;
 * failures become SyncErrors that say what to do.
 */
export class DavClient {
  readonly #account: DavAccount
  readonly #fetch: Fetch
  readonly #timeoutMs: number

  constructor(account: DavAccount, options: DavOptions = {}) {
    this.#account = account
    this.#timeoutMs = options.timeoutMs ?? 20_000
    const inner = options.fetch ?? fetch
    const authorization = `Basic ${Buffer.from(`${account.username}:${account.password}`).toString('base64')}`
    this.#fetch = (async (input: string | URL | Request, init: RequestInit = {}) => {
      const url = String(input instanceof Request ? input.url : input)
      const headers = new Headers(init.headers)
      headers.set('authorization', authorization)
      let response: Response
      try {
        const timeout = AbortSignal.timeout(this.#timeoutMs)
        response = await inner(url, { ...init, headers, signal: options.signal ? AbortSignal.any([timeout, options.signal]) : timeout })
      } catch (error) {
        throw networkError(error, url, this.#timeoutMs)
      }
      // A refused password never gets better by retrying: say so at once.
      if (response.status === 401) throw statusError(401, url)
      return response
    }) as Fetch
  }

  get #common() {
    return { fetch: this.#fetch }
  }

  /** .well-known/caldav, then the current user's principal, then its calendar home. */
  async discover(): Promise<{ principalUrl: string; homeUrl: string }> {
    const account: DAVAccount = { serverUrl: this.#account.serverUrl, accountType: 'caldav' }
    try {
      account.rootUrl = await serviceDiscovery({ account, ...this.#common })
      account.principalUrl = await fetchPrincipalUrl({ account, ...this.#common })
      account.homeUrl = await fetchHomeUrl({ account, ...this.#common })
    } catch (error) {
      if (error instanceof SyncError) throw error
      throw new SyncError('not-found', `No CalDAV calendar service was found at ${this.#account.serverUrl}. Check the server address; the README lists the form for common providers.`)
    }
    return { principalUrl: account.principalUrl, homeUrl: ensureSlash(account.homeUrl) }
  }

  async listCollections(homeUrl: string): Promise<Collection[]> {
    const responses = await propfind({
      url: homeUrl,
      depth: '1',
      props: { 'd:resourcetype': {}, 'd:displayname': {}, 'c:supported-calendar-component-set': {} },
      ...this.#common,
    })
    this.#check(responses, homeUrl)
    return responses
      .filter((response) => response.ok && response.href && response.props?.resourcetype && 'calendar' in response.props.resourcetype)
      .map((response) => {
        const url = new URL(response.href!, homeUrl).href
        const components = JSON.stringify(response.props?.supportedCalendarComponentSet ?? {})
        return {
          url: ensureSlash(url),
          name: textOf(response.props?.displayname) || decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? url),
          // No component set means the server takes any component.
          tasks: !response.props?.supportedCalendarComponentSet || components.includes('VTODO'),
        }
      })
  }

  /** MKCALENDAR for tasks under the calendar home. */
  async createCollection(homeUrl: string, name: string): Promise<Collection> {
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'follow-through'
    const url = `${ensureSlash(homeUrl)}${slug}/`
    const responses = await makeCalendar({
      url,
      props: { 'd:displayname': name, 'c:supported-calendar-component-set': { 'c:comp': { _attributes: { name: 'VTODO' } } } },
      ...this.#common,
    })
    this.#check(responses, url)
    const created = (await this.listCollections(homeUrl)).find((collection) => collection.url === url)
    if (!created) throw new SyncError('server', `The server did not create the calendar “${name}”.`)
    return created
  }

  /** Changes since `token` (RFC 6578): changed members with their ETags, removed hrefs, the new token. */
  async changesSince(collectionUrl: string, token: string): Promise<{ changed: Member[]; removed: string[]; token: string }> {
    const responses = await syncCollection({ url: collectionUrl, props: { 'd:getetag': {} }, syncLevel: 1, syncToken: token, ...this.#common })
    // RFC 6578 answers an invalid token with 403 or 409; Xandikos with 500. Either way, list everything again.
    if (responses.length === 1 && !responses[0].ok && !responses[0].props) throw new StaleSyncToken()
    const raw = responses[0]?.raw as { multistatus?: { syncToken?: unknown } } | undefined
    const nextToken = textOf(raw?.multistatus?.syncToken)
    if (!nextToken) throw new SyncError('server', 'The calendar server did not return a sync token.')
    const changed: Member[] = []
    const removed: string[] = []
    for (const response of responses) {
      if (!response.href) continue
      const href = new URL(response.href, collectionUrl).href
      if (ensureSlash(href) === collectionUrl) continue
      if (response.status === 404) removed.push(href)
      else if (response.ok) changed.push({ href, etag: textOf(response.props?.getetag) })
    }
    return { changed, removed, token: nextToken }
  }

  /** The collection's current sync token (PROPFIND depth 0). */
  async currentToken(collectionUrl: string): Promise<string | undefined> {
    const responses = await propfind({ url: collectionUrl, depth: '0', props: { 'd:sync-token': {} }, ...this.#common })
    this.#check(responses, collectionUrl)
    return textOf(responses[0]?.props?.syncToken)
  }

  /** Every task in the collection with its ETag: a calendar-query with a VTODO filter (tsdav's default asks for VEVENT). */
  async listTasks(collectionUrl: string): Promise<Member[]> {
    const responses = await calendarQuery({
      url: collectionUrl,
      depth: '1',
      props: { 'd:getetag': {} },
      filters: { 'comp-filter': { _attributes: { name: 'VCALENDAR' }, 'comp-filter': { _attributes: { name: 'VTODO' } } } },
      ...this.#common,
    })
    this.#check(responses, collectionUrl)
    return responses
      .filter((response) => response.ok && response.href)
      .map((response) => ({ href: new URL(response.href!, collectionUrl).href, etag: textOf(response.props?.getetag) }))
      .filter((member) => ensureSlash(member.href) !== collectionUrl)
  }

  /** calendar-multiget in batches; members that vanished meanwhile are left out. */
  async fetchMany(collectionUrl: string, hrefs: string[]): Promise<Fetched[]> {
    const fetched: Fetched[] = []
    for (let start = 0; start < hrefs.length; start += 200) {
      const batch = hrefs.slice(start, start + 200).map((href) => new URL(href).pathname)
      const responses = await calendarMultiGet({ url: collectionUrl, depth: '1', props: { 'd:getetag': {}, [CALDAV_DATA]: {} }, objectUrls: batch, ...this.#common })
      this.#check(responses, collectionUrl)
      for (const response of responses) {
        const ics = textOf(response.props?.calendarData)
        if (!response.ok || !response.href || !ics) continue
        fetched.push({ href: new URL(response.href, collectionUrl).href, etag: textOf(response.props?.getetag), ics })
      }
    }
    return fetched
  }

  /** One member, or null when it is gone. */
  async fetchOne(href: string): Promise<Fetched | null> {
    const response = await this.#fetch(href, { method: 'GET' })
    if (response.status === 404 || response.status === 410) return null
    if (!response.ok) throw statusError(response.status, href)
    return { href, etag: response.headers.get('etag') ?? undefined, ics: await response.text() }
  }

  /** PUT with If-None-Match: * (create) or If-Match (update): never overwrites a version it has not seen. */
  async put(href: string, ics: string, etag: string | null): Promise<WriteResult> {
    const headers = { 'content-type': 'text/calendar; charset=utf-8' }
    const response =
      etag === null
        ? await createObject({ url: href, data: ics, headers: { ...headers, 'if-none-match': '*' }, ...this.#common })
        : await updateObject({ url: href, data: ics, etag, headers, ...this.#common })
    return this.#writeResult(response, href)
  }

  /** DELETE with If-Match; a member already gone counts as deleted. */
  async delete(href: string, etag: string | undefined): Promise<WriteResult> {
    const response = await deleteObject({ url: href, etag, headers: etag ? {} : { 'if-match': '*' }, ...this.#common })
    if (response.status === 404 || response.status === 410) return { ok: true }
    return this.#writeResult(response, href)
  }

  async #writeResult(response: Response, href: string): Promise<WriteResult> {
    if (response.status === 412) return { ok: false, conflict: true }
    // Xandikos reports a UID already in the collection as a 207 that wraps a 412.
    if (response.status === 207) {
      const body = await response.text()
      if (/\b412\b/.test(body)) return { ok: false, conflict: true }
      throw new SyncError('server', `The calendar refused the change to ${href}: ${body.slice(0, 200)}`)
    }
    if (!response.ok) throw statusError(response.status, href)
    await response.arrayBuffer().catch(() => undefined)
    return { ok: true, etag: response.headers.get('etag') ?? undefined }
  }

  #check(responses: DAVResponse[], url: string): void {
    const [first] = responses
    if (responses.length === 1 && first && !first.ok && first.status && first.status >= 400 && !first.props) throw statusError(first.status, url)
  }
}
