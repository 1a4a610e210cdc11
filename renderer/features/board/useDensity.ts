import { useCallback, useEffect, useState } from 'react'
import { api } from '../../lib/api'
import { DEFAULT_DENSITY, type Density } from './density'

/** The density setting: read once, changed from the board's header; the default until read. */
export function useDensity(): [Density, (next: Density) => void] {
  const [density, setDensity] = useState<Density>(DEFAULT_DENSITY)
  useEffect(() => {
    let active = true
    void api.getSettings({}).then((result) => active && result.ok && setDensity(result.value.density))
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
