import { useEffect, useMemo, useRef, type RefObject } from 'react'
import type { Column } from '../../../electron/contract'
import type { ViewStore } from '../../lib/viewStore'
import type { ColumnHandle } from './BoardColumn'

const ORDER: Column[] = ['promised', 'due', 'overdue', 'done']
/** How long a focus request waits for its card to arrive (scrolling, then the view's window). */
const WAIT_MS = 5_000

/** The next column that has cards, leftwards or rightwards. */
export function neighbourColumn(store: ViewStore, from: Column, direction: 1 | -1): Column | undefined {
  for (let at = ORDER.indexOf(from) + direction; at >= 0 && at < ORDER.length; at += direction) {
    if (store.counts()[ORDER[at]] > 0) return ORDER[at]
  }
  return undefined
}

const articleAt = (board: HTMLElement, column: Column, index: number) =>
  board.querySelector<HTMLElement>(`[data-column="${column}"] [data-index="${index}"] > article`)

/**
 * Moving focus to a card that may not be on screen yet: the column scrolls to it, the
 * view sends it, and the card is focused once it is rendered. Each request replaces the
 * last; one that cannot be met within a few seconds is dropped.
 */
export function useFocusRequests(store: ViewStore, board: RefObject<HTMLElement | null>, columns: RefObject<Partial<Record<Column, ColumnHandle | null>>>) {
  const cancel = useRef<() => void>(undefined)
  useEffect(() => () => cancel.current?.(), [])

  return useMemo(() => {
    /**
     * Tries `find` on every frame until it returns an element (focused then) or time runs out.
     * Given up as soon as the person puts the focus elsewhere meanwhile (a click, Tab, another
     * card's handle): a card arriving late must not take it from them.
     */
    const focusWhen = (find: () => HTMLElement | null | undefined) => {
      cancel.current?.()
      const until = performance.now() + WAIT_MS
      const from = document.activeElement
      let frame = 0
      const attempt = () => {
        // The element that had the focus may have left the page (a moved card's handle): the focus is then on the body.
        if (document.activeElement !== from && document.activeElement !== document.body) return
        const element = find()
        if (element) {
          element.focus()
          element.scrollIntoView?.({ block: 'nearest' })
          return
        }
        if (performance.now() < until) frame = requestAnimationFrame(attempt)
      }
      cancel.current = () => cancelAnimationFrame(frame)
      attempt()
    }

    /** The card at a position of a column. */
    const position = (column: Column, index: number) => {
      columns.current?.[column]?.scrollToIndex(index)
      focusWhen(() => board.current && articleAt(board.current, column, index))
    }

    return {
      position,
      /** The card of another column nearest the height of `from`. */
      beside(from: HTMLElement, column: Column) {
        const top = from.getBoundingClientRect().top
        const candidates = [...(board.current?.querySelectorAll<HTMLElement>(`[data-column="${column}"] article`) ?? [])]
        const nearest = candidates.sort((a, b) => Math.abs(a.getBoundingClientRect().top - top) - Math.abs(b.getBoundingClientRect().top - top))[0]
        if (nearest) nearest.focus()
        else position(column, 0)
      },
      /** A card that is about to move: focus it wherever it appears next. */
      follow(id: string, fromColumn: Column) {
        let scrolled = false
        focusWhen(() => {
          const position = store.positionOf(id)
          if (!position || position.column === fromColumn) return undefined
          if (!scrolled) {
            columns.current?.[position.column]?.scrollToIndex(position.index)
            scrolled = true
          }
          return board.current?.querySelector<HTMLElement>(`[data-column="${position.column}"] article[data-card-id="${CSS.escape(id)}"]`)
        })
      },
    }
  }, [store, board, columns])
}
