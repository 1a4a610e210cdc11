import { useEffect, useState } from 'react'
import type { SyncCollection, SyncSettings } from '../../../electron/contract'
import { Field } from '../../components/Field'
import { api } from '../../lib/api'
import { CalendarFlagActions, type CalendarFlagAnswer } from './CalendarFlagActions'
import { SyncStatusLine } from './SyncStatusLine'
import { answerCalendarFlag, publishSyncStatus, refreshSyncStatus, useSyncStatus } from './syncStatusStore'

type Errors = Partial<Record<string, string>>

/**
 * Settings → Calendar sync: the server, the account, the task list, and what the
 * calendar asks of the person. Discovery and the wording of errors are the
 * service's; this panel only collects and shows.
 */
export function CalendarSync() {
  const [settings, setSettings] = useState<SyncSettings | null>(null)
  const [serverUrl, setServerUrl] = useState('')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [collections, setCollections] = useState<SyncCollection[]>([])
  const [collectionUrl, setCollectionUrl] = useState('')
  const [enabled, setEnabled] = useState(true)
  const status = useSyncStatus()
  const [message, setMessage] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void api.getSyncSettings({}).then((result) => {
      if (!result.ok) return setProblem(result.error.message)
      const loaded = result.value
      setSettings(loaded)
      setServerUrl(loaded.serverUrl)
      setUsername(loaded.username)
      setEnabled(loaded.serverUrl === '' || loaded.enabled)
      if (loaded.collectionUrl) {
        setCollectionUrl(loaded.collectionUrl)
        setCollections([{ url: loaded.collectionUrl, name: loaded.collectionName ?? loaded.collectionUrl, tasks: true }])
      }
    })
    void refreshSyncStatus()
  }, [])

  const account = () => ({ serverUrl, username, ...(password ? { password } : {}) })
  // Until the stored settings are read, the fields wait: what is typed must not be overwritten when they arrive.
  const loading = settings === null && problem === null

  /** Runs one request, showing its refusal (with field errors) in the panel. */
  async function run<T>(request: Promise<{ ok: true; value: T } | { ok: false; error: { message: string; fields?: Record<string, string> } }>): Promise<T | null> {
    setBusy(true)
    setProblem(null)
    setMessage(null)
    setErrors({})
    const result = await request
    setBusy(false)
    if (result.ok) return result.value
    setErrors(result.error.fields ?? {})
    setProblem(result.error.message)
    return null
  }

  async function test() {
    const tested = await run(api.testSyncConnection(account()))
    if (!tested) return
    setMessage(tested.message)
    const usable = tested.collections.filter((collection) => collection.tasks)
    setCollections(usable)
    if (!usable.some((collection) => collection.url === collectionUrl)) setCollectionUrl(usable[0]?.url ?? '')
  }

  async function create() {
    const created = await run(api.createSyncCollection({ ...account(), name: 'Follow Through' }))
    if (!created) return
    setCollections((current) => [...current.filter((collection) => collection.url !== created.url), created])
    setCollectionUrl(created.url)
    setMessage(`Created the task list “${created.name}”.`)
  }

  async function save() {
    const chosen = collections.find((collection) => collection.url === collectionUrl)
    const saved = await run(
      api.saveSyncSettings({ ...account(), enabled, ...(collectionUrl ? { collectionUrl } : {}), ...(chosen ? { collectionName: chosen.name } : {}) }),
    )
    if (!saved) return
    setSettings(saved)
    setPassword('')
    setMessage(saved.enabled ? 'Calendar sync is on. Your follow-ups are on their way to the calendar.' : 'Calendar sync is off.')
    await refreshSyncStatus()
  }

  async function syncNow() {
    const synced = await run(api.syncNow({}))
    if (synced) publishSyncStatus(synced)
  }

  const resolve = (id: string, answer: CalendarFlagAnswer) => run(answerCalendarFlag(id, answer))

  return (
    <section className="calendar-sync" aria-labelledby="calendar-sync-title">
      <h3 id="calendar-sync-title" className="form__section">
        Calendar sync
      </h3>
      <p className="form__hint">
        Every follow-up becomes a task in a CalDAV calendar (Nextcloud, Fastmail, iCloud, Radicale, Baikal), so your phone’s task app shows it; what you
        complete or move there comes back here. Each repeat of a repeating follow-up is its own task.
      </p>
      <fieldset className="calendar-sync__fields" disabled={loading} aria-busy={loading}>
        <Field label="Server address" error={errors.serverUrl}>
          <input type="url" value={serverUrl} placeholder="https://cloud.example.com/remote.php/dav" onChange={(e) => setServerUrl(e.target.value)} />
        </Field>
        <div className="form__row">
          <Field label="User name" error={errors.username}>
            <input value={username} autoComplete="username" onChange={(e) => setUsername(e.target.value)} />
          </Field>
          <Field label="Password" error={errors.password}>
            <input
              type="password"
              value={password}
              autoComplete="current-password"
              placeholder={settings?.hasPassword ? 'Stored — type to change' : ''}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
        </div>
        {settings && (
          <p className="form__hint">
            The password is kept {settings.passwordStorage}. It is never written to the data file, an export or a log.
          </p>
        )}
        <div className="form__actions calendar-sync__actions">
          <button type="button" onClick={() => void test()} disabled={busy}>
            Test connection
          </button>
          <button type="button" onClick={() => void create()} disabled={busy}>
            Create “Follow Through” calendar
          </button>
        </div>
        <Field label="Calendar for follow-ups" error={errors.collectionUrl}>
          <select value={collectionUrl} onChange={(e) => setCollectionUrl(e.target.value)}>
            <option value="">Test the connection to list calendars</option>
            {collections.map((collection) => (
              <option key={collection.url} value={collection.url}>
                {collection.name}
              </option>
            ))}
          </select>
        </Field>
        <label className="form__check">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Sync follow-ups with this calendar
        </label>
      </fieldset>
      {message && (
        <p className="calendar-sync__message" role="status">
          {message}
        </p>
      )}
      {problem && (
        <p className="form__error" role="alert">
          {problem}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="primary" onClick={() => void save()} disabled={busy || loading}>
          Save calendar sync
        </button>
      </div>
      {status && status.state !== 'off' && (
        <div className="calendar-sync__status">
          <SyncStatusLine status={status} />
          <button type="button" onClick={() => void syncNow()} disabled={busy}>
            Sync now
          </button>
          {status.flags.length > 0 && (
            <ul className="calendar-sync__flags" aria-label="Calendar changes to confirm">
              {status.flags.map((flag) => (
                <li key={`${flag.id}-${flag.kind}`}>
                  <strong>{flag.title}</strong>: {flag.message}{' '}
                  <CalendarFlagActions flag={flag} onAnswer={(answer) => void resolve(flag.id, answer)} disabled={busy} />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  )
}
