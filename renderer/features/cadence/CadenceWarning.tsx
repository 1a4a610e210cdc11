import { useEffect, useState } from 'react'
import type { CadenceCheck } from '../../../electron/contract'
import { api } from '../../lib/api'
import { day as formatDay } from '../board/format'

/** The service's verdict on touching `client` at `at`, refreshed as they change; null while unknown or fine. */
export function useCadenceCheck(client: string | undefined, at: string | undefined): CadenceCheck | null {
  const [check, setCheck] = useState<CadenceCheck | null>(null)
  useEffect(() => {
    if (!client?.trim() || !at) return setCheck(null)
    let current = true
    api.checkCadence({ client, at }).then((result) => current && setCheck(result.ok && !result.value.withinCadence ? result.value : null))
    return () => {
      current = false
    }
  }, [client, at])
  return check
}

const day = (iso: string) => formatDay(new Date(iso), new Date())

/** Don't pester: a warning, never a block — the person may have good reason to call again. */
export function CadenceWarning({ client, check }: { client: string; check: CadenceCheck | null }) {
  if (!check) return null
  const cadence = `at most ${check.maxTouches} per ${check.windowDays} days`
  return (
    <p className="cadence-warning" role="status">
      Easy on {client}: you were last in touch {check.lastTouchAt ? `on ${day(check.lastTouchAt)}` : 'recently'} ({cadence}).
      {check.suggestedAt ? ` ${day(check.suggestedAt)} or later would fit.` : ''} You can still add it.
    </p>
  )
}
