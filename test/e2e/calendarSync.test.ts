import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { todoUid } from '../../electron/core/caldav/vtodo'
import { edited, icsStamp, phoneOf } from '../support/caldavRig'
import { startCalDavServer, type CalDavServer } from '../support/caldavServers'
import { createOverHttp, serviceCard } from './support/api'
import { card } from './support/board'
import { chromiumForTests } from './support/chromium'
import { useBrowserMode } from './support/suite'

const chromiumPath = chromiumForTests()
const radicale = (() => {
  try {
    execFileSync('which', ['radicale'], { stdio: 'ignore' })
    return true
  } catch {
    if (process.env.CI === 'true') throw new Error('CI needs radicale installed (see .ci/run).')
    return false
  }
})()

describe.skipIf(!chromiumPath || !radicale)('calendar sync in browser mode', () => {
  const suite = useBrowserMode('calendar-sync', chromiumPath!)
  let server: CalDavServer
  beforeAll(async () => {
    server = await startCalDavServer('radicale')
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('connects to Radicale through the settings, shows the sync state, and brings changes made on the phone onto the board', async () => {
    const { page, app } = suite
    const id = await createOverHttp(app, { title: 'Send the proposal', client: { name: 'Jenny Rivera' }, dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString() })
    const promisedAt = new Date(Date.now() + 6 * 86_400_000)
    promisedAt.setUTCSeconds(0, 0)
    const danaId = await createOverHttp(app, { title: 'Call Dana about the renewal', client: { name: 'Dana Scully' }, dueAt: promisedAt.toISOString() })
    await card(page, 'Send the proposal', 'Promised').waitFor()

    await page.getByRole('button', { name: 'Settings', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Settings' })
    await dialog.getByLabel('Server address').fill(server.baseUrl)
    await dialog.getByLabel('User name').fill(server.username)
    await dialog.getByLabel('Password').fill('not the password')
    await dialog.getByRole('button', { name: 'Test connection' }).click()
    await dialog.getByRole('alert').filter({ hasText: /refused the user name or password \(401\)/ }).waitFor()

    await dialog.getByLabel('Password').fill(server.password)
    await dialog.getByRole('button', { name: 'Test connection' }).click()
    await dialog.getByRole('status').filter({ hasText: `as ${server.username}` }).waitFor()
    expect(await dialog.getByText(/never written to the data file/).textContent()).toMatch(/0600/)
    await dialog.getByRole('button', { name: 'Create “Follow Through” calendar' }).click()
    await dialog.getByRole('status').filter({ hasText: 'Created the task list “Follow Through”' }).waitFor()
    await dialog.getByRole('button', { name: 'Save calendar sync' }).click()
    await dialog.getByRole('status').filter({ hasText: 'Calendar sync is on' }).waitFor()
    await dialog.getByRole('button', { name: 'Sync now' }).click()
    await dialog.getByRole('status').filter({ hasText: /Synced with your calendar/ }).waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('button', { name: /Synced with your calendar/ }).waitFor()

    // On the phone: the task is there; complete it and give it a new title.
    const phone = phoneOf(server, `${server.baseUrl}${server.username}/follow-through/`)
    const task = (await phone.tasks()).find((t) => t.uid === todoUid(id))!
    expect(task.title).toBe('Send the proposal')
    const response = await phone.put(
      new URL(task.href).pathname.split('/').pop()!,
      edited(task.ics, {
        SUMMARY: 'SUMMARY:Send the signed proposal',
        STATUS: 'STATUS:COMPLETED',
        COMPLETED: `COMPLETED:${icsStamp(new Date())}`,
        'LAST-MODIFIED': `LAST-MODIFIED:${icsStamp(new Date(Date.now() + 60_000))}`,
      }),
      task.etag,
    )
    expect(response.ok).toBe(true)
    // And moves Dana's promised date two days later.
    const dana = (await phone.tasks()).find((t) => t.uid === todoUid(danaId))!
    const moved = await phone.put(
      new URL(dana.href).pathname.split('/').pop()!,
      edited(dana.ics, { DUE: `DUE:${icsStamp(new Date(promisedAt.getTime() + 2 * 86_400_000))}`, 'LAST-MODIFIED': `LAST-MODIFIED:${icsStamp(new Date(Date.now() + 60_000))}` }),
      dana.etag,
    )
    expect(moved.ok).toBe(true)

    await page.getByRole('button', { name: /Synced with your calendar/ }).click()
    await dialog.getByRole('button', { name: 'Sync now' }).click()
    await dialog.getByRole('status').filter({ hasText: /Synced with your calendar/ }).waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await card(page, 'Send the signed proposal', 'Done').waitFor()

    // The promised date is the app's: the card asks whether to keep the phone's move.
    const asked = card(page, 'Call Dana about the renewal').getByRole('group', { name: 'Calendar change to confirm' })
    await asked.getByText(/moved in your calendar \(client told: no\)/).waitFor()
    expect((await serviceCard(app, 'Call Dana about the renewal')).dueAt).toBe(new Date(promisedAt.getTime() + 2 * 86_400_000).toISOString())
    // Hovered, in a narrow window too, the card's actions stay clear of its question.
    await page.setViewportSize({ width: 1024, height: 900 })
    await card(page, 'Call Dana about the renewal').hover()
    const question = (await asked.boundingBox())!
    const actions = (await card(page, 'Call Dana about the renewal').getByRole('toolbar').boundingBox())!
    expect(actions.y >= question.y + question.height || actions.y + actions.height <= question.y).toBe(true)
    await asked.getByRole('button', { name: 'Put the old date back' }).click()
    await asked.waitFor({ state: 'detached' })
    expect((await serviceCard(app, 'Call Dana about the renewal')).dueAt).toBe(promisedAt.toISOString())
  })
})
