/**
 * The stand-in's line to the test that started it (a Node IPC channel from
 * child_process.fork with `serialization: 'advanced'`): events go out as they
 * happen, requests come in and are answered by the operation registered for them.
 */

export type ControlMessage =
  | { kind: 'event'; name: string; data: unknown }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: string }

export type ControlRequest = { kind: 'request'; id: number; op: string; args: unknown }

const operations = new Map<string, (args: never) => unknown>()
let pendingSends = 0
let drained: (() => void) | null = null

function send(message: ControlMessage): void {
  if (!process.send || !process.connected) return
  pendingSends++
  process.send(message, undefined, {}, () => {
    pendingSends--
    if (pendingSends === 0) drained?.()
  })
}

/** Tells the test something happened (a window showed, a notification went out, …). */
export function emit(name: string, data: unknown = null): void {
  send({ kind: 'event', name, data })
}

export function onRequest<A>(op: string, run: (args: A) => unknown): void {
  operations.set(op, run as (args: never) => unknown)
}

/** Resolves once every message sent so far has left the process (before it exits). */
export function flushed(): Promise<void> {
  if (pendingSends === 0) return Promise.resolve()
  return new Promise((resolve) => (drained = resolve))
}

process.on('message', (raw) => {
  const request = raw as ControlRequest
  if (request?.kind !== 'request') return
  const run = operations.get(request.op)
  void (async () => {
    if (!run) throw new Error(`The stand-in has no operation “${request.op}”.`)
    return run(request.args as never)
  })().then(
    (value) => send({ kind: 'reply', id: request.id, ok: true, value }),
    (error: unknown) => send({ kind: 'reply', id: request.id, ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
  )
})
