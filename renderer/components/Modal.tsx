import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])'

/**
 * A modal dialog: focus moves in on open, stays inside while Tab cycles, Escape
 * closes, and focus returns to where it was. (Native <dialog> would do most of
 * this, but jsdom cannot show it, and component tests run there.)
 */
export function Modal({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const titleId = useId()
  const panel = useRef<HTMLDivElement>(null)
  // Read while rendering: by the time effects run, an autoFocus field inside has already taken focus.
  const [returnFocus] = useState(() => document.activeElement as HTMLElement | null)

  useEffect(() => {
    // A field with autoFocus has taken focus already; otherwise start at the first control,
    // or at the dialog itself while its content is still loading (so Tab and Escape stay here).
    if (!panel.current?.contains(document.activeElement)) (panel.current?.querySelector<HTMLElement>(FOCUSABLE) ?? panel.current)?.focus()
    return () => returnFocus?.focus()
  }, [returnFocus])

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation()
      onClose()
    }
    if (event.key !== 'Tab' || !panel.current) return
    const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)]
    if (items.length === 0) {
      event.preventDefault()
      return
    }
    const [first, last] = [items[0], items[items.length - 1]]
    if (event.shiftKey && (document.activeElement === first || document.activeElement === panel.current)) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && (document.activeElement === last || document.activeElement === panel.current)) {
      event.preventDefault()
      first.focus()
    }
  }

  return (
    <div className="modal-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div ref={panel} className="modal" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown} tabIndex={-1}>
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  )
}
