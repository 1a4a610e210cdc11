import { describe, expect, it } from 'vitest'
import { ClockJumpWatch } from '../../../electron/service/clockWatch'

function clocks() {
  const state = { wall: Date.parse('2026-11-23T10:00:00Z'), monotonic: 1_000 }
  return {
    state,
    pass(ms: number) {
      state.wall += ms
      state.monotonic += ms
    },
    watch: () => new ClockJumpWatch(() => state.wall, () => state.monotonic),
  }
}

describe('ClockJumpWatch', () => {
  it('sees nothing while both clocks move together', () => {
    const c = clocks()
    const watch = c.watch()
    c.pass(60_000)
    expect(watch.check()).toBeNull()
  })

  it('sees the wall clock set 30 days ahead, then back', () => {
    const c = clocks()
    const watch = c.watch()
    c.state.wall += 30 * 86_400_000
    expect(watch.check()).toBe('ahead')
    c.pass(70_000)
    expect(watch.check()).toBeNull()
    c.state.wall -= 30 * 86_400_000
    expect(watch.check()).toBe('back')
  })

  it('tolerates the small corrections that NTP makes', () => {
    const c = clocks()
    const watch = c.watch()
    c.state.wall -= 2_000
    expect(watch.check()).toBeNull()
  })
})
