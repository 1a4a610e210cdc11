import { describe, expect, it } from 'vitest'
import type { Column } from '../../../electron/contract'
import { dropIntent } from '../../../renderer/features/board/dropIntent'

/** Dropping a card asks the service for a command; the board itself never moves a card. */
describe('dropIntent', () => {
  it('dropping on Done marks the card done, from any open column', () => {
    for (const from of ['promised', 'due', 'overdue'] as Column[]) expect(dropIntent(from, 'done'), from).toEqual({ kind: 'complete' })
  })

  it('moving a Due or Overdue card back to Promised asks for a new promised date', () => {
    expect(dropIntent('due', 'promised')).toEqual({ kind: 'reschedule' })
    expect(dropIntent('overdue', 'promised')).toEqual({ kind: 'reschedule' })
  })

  it('pulling a Promised card into Due plans it for today', () => {
    expect(dropIntent('promised', 'due')).toEqual({ kind: 'planToday' })
  })

  it('an Overdue card dropped on Due needs a new date too (only a new promise makes it not late)', () => {
    expect(dropIntent('overdue', 'due')).toEqual({ kind: 'reschedule' })
  })

  it('dragging a Done card back to an open column reopens it', () => {
    expect(dropIntent('done', 'promised')).toEqual({ kind: 'reopen' })
    expect(dropIntent('done', 'due')).toEqual({ kind: 'reopen' })
  })

  it('Overdue is never a target, and the person is told why', () => {
    for (const from of ['promised', 'due', 'done'] as Column[]) {
      const intent = dropIntent(from, 'overdue')
      expect(intent.kind, from).toBe('none')
      expect(intent.kind === 'none' && intent.reason, from).toMatch(/clock/i)
    }
  })

  it('dropping a card where it already is does nothing and says nothing', () => {
    for (const column of ['promised', 'due', 'overdue', 'done'] as Column[]) expect(dropIntent(column, column)).toEqual({ kind: 'none' })
  })
})
