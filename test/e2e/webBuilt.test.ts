import { addDays, format } from 'date-fns'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Result } from '../../electron/contract'
import { makeDataDir, removeDataDir, startWebApp, type WebApp } from './support/webApp'

// `npm run web` runs the built server (out/web/cli.js, with the libraries it bundles) under the
// web script's Node options; the other browser-mode tests run the sources. This proves the
// build a person actually starts reads quick add, imports CSV, exports a calendar and stops cleanly.

let dataDir: string
let app: WebApp | undefined

beforeEach(async () => {
  dataDir = await makeDataDir()
})

afterEach(async () => {
  await app?.stop()
  app = undefined
  await removeDataDir(dataDir)
})

async function call<T>(method: string, input: unknown): Promise<T> {
  const response = await fetch(`${app!.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app!.token}` },
    body: JSON.stringify(input),
  })
  const result = (await response.json()) as Result<T>
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`)
  return result.value
}

it('npm run web: the built server serves the page, reads quick add, imports CSV, exports a calendar and stops cleanly', async () => {
  app = await startWebApp({ dataDir, built: true })

  const page = await fetch(app.url)
  expect(page.status).toBe(200)
  expect(await page.text()).toContain('<div id="root">')

  const added = await call<{ title: string; dueAt: string; client?: { name: string } }>('quickAdd', { text: 'Call Jenny Rivera tomorrow 4pm', locale: 'en-US' })
  expect(added.title).toContain('Call')
  expect(format(new Date(added.dueAt), 'yyyy-MM-dd HH:mm')).toBe(`${format(addDays(new Date(), 1), 'yyyy-MM-dd')} 16:00`)

  const preview = await call<{ headers: string[] }>('previewCsv', { text: 'Title,Client,Due\nSend the quote,Dana Fischer,2027-03-01\n' })
  expect(preview.headers).toEqual(['Title', 'Client', 'Due'])

  const { ics } = await call<{ ics: string }>('exportIcs', {})
  expect(ics).toContain('BEGIN:VCALENDAR')
  expect(ics).toContain(added.title)
}, 150_000) // a stale build is made first (startWebApp allows it 110 s)
