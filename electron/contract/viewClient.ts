import type { OpenView, ViewEvent, ViewHandle, ViewQuery, ViewRanges } from './view'

/** What a bridge needs to carry views: start a view's message stream, call the view methods, stop. */
export interface ViewTransport {
  /** Starts the view; its snapshot and deltas reach `receive` in order, or one refusal if it cannot be opened. */
  open(viewId: string, query: ViewQuery, ranges: ViewRanges, receive: (event: ViewEvent) => void): void
  call(method: 'updateView' | 'resyncView' | 'closeView', input: { viewId: string; query?: ViewQuery; ranges?: ViewRanges }): Promise<unknown>
  /** Stops delivering the view's messages (after closeView, or when the stream itself ends). */
  stop(viewId: string): void
}

/**
 * The listener side of the protocol, shared by the IPC and HTTP bridges: it passes on
 * a snapshot and every delta that follows on its version; on a gap it asks for one
 * resync and drops deltas until the snapshot arrives, so a listener never sees a gap.
 */
export function openViewWith(transport: ViewTransport, newId: () => string): OpenView {
  return (query, ranges, listener): ViewHandle => {
    const viewId = newId()
    let version: number | null = null
    let resyncing = false
    let closed = false
    const resync = () => {
      if (resyncing || closed) return
      resyncing = true
      void transport.call('resyncView', { viewId })
    }
    transport.open(viewId, query, ranges, (message) => {
      if (closed) return
      if (message.type === 'refused') {
        closed = true
        transport.stop(viewId)
        listener(message)
        return
      }
      if (message.type === 'snapshot') {
        resyncing = false
        version = message.snapshot.version
        listener(message)
        return
      }
      if (version === null || message.delta.version <= version) return
      if (message.delta.version !== version + 1) return resync()
      if (resyncing) return
      version = message.delta.version
      listener(message)
    })
    return {
      update(change) {
        if (!closed) void transport.call('updateView', { viewId, ...change })
      },
      close() {
        if (closed) return
        closed = true
        void transport.call('closeView', { viewId })
        transport.stop(viewId)
      },
    }
  }
}
