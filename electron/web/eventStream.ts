import type { ServerResponse } from 'node:http'

/** What one event-stream listener may have waiting in the server before it is told to resync. */
export const MAX_BUFFERED_BYTES = 512 * 1024

/**
 * One Server-Sent Events response with a bounded buffer. A listener that stops
 * reading (a frozen tab) would otherwise make the server hold every push for it:
 * once more than MAX_BUFFERED_BYTES wait, further events are dropped and, when the
 * socket drains, `onCaughtUp` runs so the listener gets one fresh state instead.
 */
export class EventStream {
  readonly #res: ServerResponse
  readonly #maxBuffered: number
  #behind = false
  #closed = false

  constructor(res: ServerResponse, onCaughtUp: () => void, maxBuffered = MAX_BUFFERED_BYTES) {
    this.#res = res
    this.#maxBuffered = maxBuffered
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' })
    res.on('drain', () => {
      if (!this.#behind || this.#closed) return
      this.#behind = false
      onCaughtUp()
    })
    res.on('close', () => (this.#closed = true))
  }

  /** True while events are being dropped for this listener. */
  get behind(): boolean {
    return this.#behind
  }

  /** Bytes waiting in the server for this listener. */
  get buffered(): number {
    return this.#res.writableLength
  }

  /** Sends one event unless the listener is behind; `data` is one line of JSON. */
  send(event: string, data: string): void {
    if (this.#closed || this.#behind) return
    if (this.#res.writableLength > this.#maxBuffered) {
      this.#behind = true
      return
    }
    this.#res.write(`event: ${event}\ndata: ${data}\n\n`)
  }
}
