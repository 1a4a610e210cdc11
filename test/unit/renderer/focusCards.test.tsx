// @vitest-environment jsdom
import { renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Column } from '../../../electron/contract'
import type { ViewStore } from '../../../renderer/lib/viewStore'
import type { ColumnHandle } from '../../../renderer/features/board/BoardColumn'
import { useFocusRequests } from '../../../renderer/features/board/focusCards'

/** A board with a Promised card (its Move handle focused, as after a keyboard drop) and a Due column the card is moving to. */
function boardAfterKeyboardDrop() {
  document.body.innerHTML = `
    <main>
      <section data-column="promised"><div data-index="0"><article data-card-id="card-1" tabindex="0"><button>Move</button></article></div></section>
      <section data-column="due"></section>
      <input aria-label="Quick add" />
    </main>`
  const board = { current: document.querySelector('main') as HTMLElement }
  const handle = document.querySelector('button')!
  handle.focus()
  let position: { column: Column; index: number } | undefined = { column: 'promised', index: 0 }
  const store = { positionOf: () => position } as unknown as ViewStore
  const columns = { current: { due: { scrollToIndex: vi.fn() } as ColumnHandle } }
  const { result } = renderHook(() => useFocusRequests(store, board, columns))
  /** The service's answer: the card is now first in Due, rendered there. */
  const arrive = () => {
    position = { column: 'due', index: 0 }
    document.querySelector('[data-column="promised"] [data-index="0"]')!.remove()
    document.querySelector('[data-column="due"]')!.innerHTML = '<div data-index="0"><article data-card-id="card-1" tabindex="0"></article></div>'
  }
  return { focus: result.current, arrive, moved: () => document.querySelector<HTMLElement>('[data-column="due"] article')! }
}

describe('focus that follows a card moved with the keyboard', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance'] })
    // jsdom has no CSS.escape; these ids need no escaping.
    vi.stubGlobal('CSS', { escape: (id: string) => id })
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('lands on the card once it shows in its new column', () => {
    const { focus, arrive, moved } = boardAfterKeyboardDrop()
    focus.follow('card-1', 'promised')
    vi.advanceTimersToNextFrame()
    arrive()
    vi.advanceTimersToNextFrame()
    expect(document.activeElement).toBe(moved())
  })

  it('stays where the person put it meanwhile: a card arriving late does not take the focus', () => {
    const { focus, arrive, moved } = boardAfterKeyboardDrop()
    focus.follow('card-1', 'promised')
    vi.advanceTimersToNextFrame()
    const quickAdd = document.querySelector('input')!
    quickAdd.focus()
    arrive()
    vi.advanceTimersToNextFrame()
    vi.advanceTimersToNextFrame()
    expect(document.activeElement).toBe(quickAdd)
    expect(moved()).not.toBe(document.activeElement)
  })
})
