import { existsSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createOverHttp, serviceCard } from './support/api'
import { chromiumForTests } from './support/chromium'
import { useBrowserMode } from './support/suite'

const chromiumPath = chromiumForTests()
const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1'
const hasFaketime = existsSync(LIBFAKETIME)
if (!hasFaketime && process.env.CI) throw new Error(`libfaketime is missing (${LIBFAKETIME}): install Debian's faketime package.`)

/**
 * The server's wall clock is moved while it runs: libfaketime reads its offset from
 * a file at every call. The monotonic clock stays real, as it does when a person or
 * a bad time server sets the date.
 */
const clockFile = join(await mkdtemp(join(tmpdir(), 'follow-through-clock-')), 'offset')
await writeFile(clockFile, '+0\n')
const setClockOffset = (offset: string) => writeFile(clockFile, `${offset}\n`)

const DAY = 86_400_000

describe.skipIf(!chromiumPath || !hasFaketime)('a wall clock that was wrong (libfaketime)', () => {
  const suite = useBrowserMode('clock-jump', chromiumPath!, {
    serverEnv: { LD_PRELOAD: LIBFAKETIME, FAKETIME_TIMESTAMP_FILE: clockFile, FAKETIME_NO_CACHE: '1', FAKETIME_DONT_FAKE_MONOTONIC: '1' },
  })

  it('withdraws the miss a clock 30 days ahead recorded, and the card is promised again once the clock is back', async () => {
    const title = 'Send the pricing deck'
    const now = Date.now()
    await createOverHttp(suite.app, {
      title,
      client: { name: 'Dana Scully' },
      channel: 'email',
      dueAt: new Date(now + 2 * DAY).toISOString(),
      targetAt: new Date(now + DAY).toISOString(),
    })
    await setClockOffset('+30d')
    await expect.poll(async () => (await serviceCard(suite.app, title)).column, { timeout: 40_000, interval: 500 }).toBe('overdue')
    const missed = async () => (await serviceCard(suite.app, title)).history.some((event) => event.type === 'missed')
    expect(await missed()).toBe(true)

    await setClockOffset('+0')
    await expect.poll(async () => (await serviceCard(suite.app, title)).column, { timeout: 40_000, interval: 500 }).toBe('promised')
    expect(await missed()).toBe(false)
  }, 100_000)
})
