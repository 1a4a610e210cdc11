import { describe, expect, it } from 'vitest'
import { defaultTargetAt } from '../../../electron/core/targets'

const NOW = new Date('2026-11-23T10:00:00+01:00') // Monday

describe('defaultTargetAt', () => {
  it('sets the own target one business day before a promise days away', () => {
    const due = new Date('2026-11-27T16:00:00+01:00') // Friday
    expect(defaultTargetAt(due, NOW, 1)).toEqual(new Date('2026-11-26T16:00:00+01:00'))
  })

  it('skips the weekend: a Monday promise gets a Friday target', () => {
    const due = new Date('2026-11-30T16:00:00+01:00')
    expect(defaultTargetAt(due, NOW, 1)).toEqual(new Date('2026-11-27T16:00:00+01:00'))
  })

  it('uses half the time left when that is the smaller buffer', () => {
    const due = new Date('2026-11-23T14:00:00+01:00')
    expect(defaultTargetAt(due, NOW, 1)).toEqual(new Date('2026-11-23T12:00:00+01:00'))
  })

  it('never puts the target after the promise', () => {
    const due = new Date('2026-11-27T16:00:00+01:00')
    expect(defaultTargetAt(due, NOW, 0).getTime()).toBeLessThanOrEqual(due.getTime())
  })
})
