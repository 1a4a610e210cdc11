import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createNodeNotifier, notifySendArgs } from '../../electron/notify/nodeNotifier'
import { DESKTOP_TOOLS_HINT, missingDesktopTools, startDesktopSession, type DesktopSession } from '../support/desktopSession'

/**
 * Hostile titles through the real notify-send to dunst on a private D-Bus: each
 * reaches the daemon as the text of one notification, never as an option of
 * notify-send and never as markup. dbus-monitor sees what the daemon received.
 */

const missing = missingDesktopTools()
const inCi = process.env.CI === 'true'
if (missing.length > 0 && !inCi) console.warn(`Skipping the Linux notification tests: ${missing.join(', ')} not found (${DESKTOP_TOOLS_HINT}).`)

describe.skipIf(missing.length > 0 && !inCi)('Linux notifications with hostile titles', () => {
  let session: DesktopSession

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`CI must run the Linux notification tests, but ${missing.join(', ')} is missing (${DESKTOP_TOOLS_HINT}).`)
    session = await startDesktopSession()
    session.useAsProcessEnv()
  })

  afterAll(() => session?.stop())

  it.each([
    ['a title starting with a dash', '- Send deck to Acme', '- Send deck to Acme'],
    ['a title that is an option', '--help', '--help'],
    ['bold markup', '<b>Send deck</b>', '&lt;b&gt;Send deck&lt;/b&gt;'],
    ['a link', '<a href="https://evil.example/">Open</a> & pay', '&lt;a href="https://evil.example/"&gt;Open&lt;/a&gt; &amp; pay'],
    ['a NUL and other control characters', 'Call\u0000 Jenny\u0007 Rivera\u001b[31m', 'Call  Jenny  Rivera [31m'],
  ])('%s arrives as the notification’s text', async (_what, title, summary) => {
    const marker = `${Math.random()}`
    await createNodeNotifier().notify({ title, body: `Jenny Rivera <i>${marker}</i>\u0000` })
    const call = await session.waitForNotification((c) => c.body.includes(marker))
    expect(call.summary).toBe(summary)
    expect(call.body).toBe(`Jenny Rivera &lt;i&gt;${marker}&lt;/i&gt;`)
    expect(call.appName).toBe('Follow Through')
  })

  it('keeps the body’s lines and backslashes', async () => {
    await createNodeNotifier().notify({ title: 'Lines', body: 'Q3\\Q4\nsecond line' })
    const call = await session.waitForNotification((c) => c.summary === 'Lines')
    expect(call.body).toBe('Q3\\Q4\nsecond line')
  })

  it('fails, so the reminder is not recorded as shown, when no notification service answers', async () => {
    const restore = process.env.DBUS_SESSION_BUS_ADDRESS
    process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/follow-through-bus'
    try {
      await expect(createNodeNotifier().notify({ title: 'Nobody listens', body: '' })).rejects.toThrow(/notify-send failed/)
    } finally {
      process.env.DBUS_SESSION_BUS_ADDRESS = restore
    }
  })

  it('puts -- before the title and body, after its own options', () => {
    expect(notifySendArgs({ title: '-x', body: '-y' })).toEqual(['--app-name=Follow Through', '--', '-x', '-y'])
  })
})
