import { useCallback, useState } from 'react'
import { api } from '../../lib/api'

/**
 * The client names for the client filter, asked of the service when the list is about
 * to open (not at start: the first paint waits for nothing but the view).
 */
export function useClients(): [string[], () => void] {
  const [clients, setClients] = useState<string[]>([])
  const refresh = useCallback(() => {
    void api.listClients({}).then((result) => result.ok && setClients(result.value))
  }, [])
  return [clients, refresh]
}
