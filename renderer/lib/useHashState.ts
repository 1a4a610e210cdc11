import { useCallback, useEffect, useState } from 'react'

/** State mirrored in location.hash, following back/forward navigation. */
export function useHashState<T>(read: (hash: string) => T, write: (value: T) => string): [T, (value: T) => void] {
  const [value, setValue] = useState(() => read(location.hash))
  useEffect(() => {
    const onHashChange = () => setValue(read(location.hash))
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [read])
  const update = useCallback(
    (next: T) => {
      setValue(next)
      history.replaceState(null, '', location.pathname + location.search + write(next))
    },
    [write],
  )
  return [value, update]
}
