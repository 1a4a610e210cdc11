import { useCallback, useEffect, useState } from 'react'
import { api } from '../../lib/api'

/** The client names for the client filter, from the service; asked again when the list is opened. */
export function useClients(): [string[], () => void] {
  const [clients, setClients] = useState<string[]>([])
  const refresh = useCallback(() => {
    void api.listClients({}).then((result) => result.ok && setClients(result.value))
  }, [])
  useEffect(refresh, [refresh])
  return [clients, refresh]
}
