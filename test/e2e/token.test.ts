import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { QUICK_ADD_EXAMPLE, card, columnForFriday4pm, submitQuickAdd, waitForBoard } from './support/board'
import { chromiumForTests } from './support/chromium'
import { useBrowserMode } from './support/suite'

const chromiumPath = chromiumForTests()

/** Another local web server the person's browser visits, e.g. a dev server on another port. */
interface Bystander {
  origin: string
  seen: { url: string; headers: IncomingHttpHeaders }[]
  server: Server
}

async function startBystander(): Promise<Bystander> {
  const seen: Bystander['seen'] = []
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers })
    res.writeHead(200, { 'Content-Type': 'text/html' })
    res.end('<!doctype html><title>Another local app</title><img src="/pixel.png">')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server }
}

describe.skipIf(!chromiumPath)('the browser-mode token', () => {
  const t = useBrowserMode('token', chromiumPath!)
  let bystander: Bystander

  beforeEach(async () => {
    bystander = await startBystander()
  })
  afterEach(async () => {
    await new Promise((resolve) => bystander.server.close(resolve))
  })

  it('never reaches another local server the browser visits, and is in no cookie', async () => {
    // The board works: calls and its event stream carry the token.
    expect((await submitQuickAdd(t.page, QUICK_ADD_EXAMPLE)).ok).toBe(true)
    await card(t.page, 'Call Jenny Rivera', columnForFriday4pm()).waitFor()

    const other = await t.context.newPage()
    await other.goto(`${bystander.origin}/`)
    await other.evaluate(() => fetch('/from-script', { credentials: 'include' }).then((r) => r.text()))
    await other.close()

    expect(bystander.seen.length).toBeGreaterThanOrEqual(2)
    for (const request of bystander.seen) expect(JSON.stringify(request)).not.toContain(t.app.token)
    expect(JSON.stringify(await t.context.cookies())).not.toContain(t.app.token)
  })

  it('keeps the board working after a reload, with the token gone from the address bar', async () => {
    expect(t.page.url()).not.toContain('token=')
    await t.page.reload()
    await waitForBoard(t.page)
    expect((await submitQuickAdd(t.page, QUICK_ADD_EXAMPLE)).ok).toBe(true)
    await card(t.page, 'Call Jenny Rivera', columnForFriday4pm()).waitFor()
  })
})
