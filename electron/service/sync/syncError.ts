/** Why talking to the calendar server failed, in words a person can act on. */
export type SyncErrorKind = 'auth' | 'not-found' | 'tls' | 'timeout' | 'network' | 'server' | 'setup'

export class SyncError extends Error {
  readonly kind: SyncErrorKind

  constructor(kind: SyncErrorKind, message: string) {
    super(message)
    this.kind = kind
    this.name = 'SyncError'
  }

  /** Worth trying again later by itself (the server may come back); the others need the person. */
  get transient(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server'
  }
}

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|HOSTNAME_MISMATCH|ERR_TLS/i

/** A failed fetch (no HTTP answer at all) as a SyncError. */
export function networkError(error: unknown, url: string, timeoutMs: number): SyncError {
  if (error instanceof SyncError) return error
  const host = safeHost(url)
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  const name = (error as Error)?.name
  if (name === 'TimeoutError' || name === 'AbortError') {
    const wait = timeoutMs >= 1_000 ? `${Math.round(timeoutMs / 1_000)} seconds` : `${timeoutMs} ms`
    return new SyncError('timeout', `${host} did not answer within ${wait}. Check the address and your connection, or try again later.`)
  }
  const code = cause?.code ?? ''
  if (TLS_CODES.test(code) || TLS_CODES.test(cause?.message ?? '')) {
    return new SyncError('tls', `The secure connection to ${host} failed: its certificate is not trusted (${code || cause?.message}). Check the address (https://…), or ask whoever runs the server for a valid certificate.`)
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new SyncError('network', `${host} could not be found. Check the server address and your internet connection.`)
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
    return new SyncError('network', `The connection to ${host} broke off. Changes wait here and are sent when it is back.`)
  }
  if (code === 'ECONNREFUSED') return new SyncError('network', `${host} refused the connection: the server is not running or the port is wrong. Changes wait here and are sent when it is back.`)
  return new SyncError('network', `Could not reach ${host} (${code || (error as Error)?.message || 'no answer'}). Changes wait here and are sent when it is back.`)
}

/** An HTTP answer that means the request cannot succeed as it is. */
export function statusError(status: number, url: string): SyncError {
  const host = safeHost(url)
  if (status === 401) return new SyncError('auth', `${host} refused the user name or password (401). Check both; iCloud and Fastmail need an app password, not your account password.`)
  if (status === 403) return new SyncError('auth', `${host} does not allow this account to do that (403). Check that the calendar belongs to this user.`)
  if (status === 404) return new SyncError('not-found', `Nothing was found at ${url} (404). Check the server address; the README lists the form for common providers.`)
  return new SyncError('server', `${host} answered with an error (${status}). It will be tried again.`)
}

function safeHost(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}
