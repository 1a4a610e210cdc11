import { useCallback, useEffect, useState } from 'react'
import type { Result, Settings } from '../../../electron/contract'
import { api } from '../../lib/api'
import { DEFAULT_DENSITY, type Density } from './density'

/**
 * The density setting (read from `settings`, the start's answer, unless boot.ts read it
 * already: `known`), changed from the board's header. Undefined until read, so the board
 * is not first laid out in the default density and then again in the chosen one.
 */
export function useDensity(settings: Promise<Result<Settings>>, known?: Density): [Density | undefined, (next: Density) => void] {
  const [density, setDensity] = useState<Density | undefined>(known)
  useEffect(() => {
    let active = true
    void settings.then((result) => active && setDensity(result.ok ? result.value.density : DEFAULT_DENSITY))
    return () => {
      active = false
    }
  }, [settings])
  const change = useCallback((next: Density) => {
    setDensity(next)
    void api.updateSettings({ density: next })
  }, [])
  return [density, change]
}
