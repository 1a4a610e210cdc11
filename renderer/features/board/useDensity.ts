import { useCallback, useEffect, useState } from 'react'
import { api } from '../../lib/api'
import { DEFAULT_DENSITY, type Density } from './density'

/**
 * The density setting, changed from the board's header. Undefined until read, so the
 * board is not first laid out in the default density and then again in the chosen one.
 */
export function useDensity(): [Density | undefined, (next: Density) => void] {
  const [density, setDensity] = useState<Density>()
  useEffect(() => {
    let active = true
    void api.getSettings({}).then((result) => active && setDensity(result.ok ? result.value.density : DEFAULT_DENSITY))
    return () => {
      active = false
    }
  }, [])
  const change = useCallback((next: Density) => {
    setDensity(next)
    void api.updateSettings({ density: next })
  }, [])
  return [density, change]
}
