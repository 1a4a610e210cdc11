/**
 * Runs `then` once the next frame is painted (a task queued from a frame callback runs
 * after that frame's paint); returns the cancel. A hidden window paints no frames, so
 * there `then` waits until the window is shown.
 */
export function afterPaint(then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const frame = requestAnimationFrame(() => (timer = setTimeout(then, 0)))
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}
