import { useEffect, useState } from 'react'
import type { ViewQuery } from '../../../electron/contract/view'
import { ViewStore, type OpenView } from '../../lib/viewStore'
import type { Density } from './density'
import { firstRanges } from './openBoardView'

/**
 * The board's view (`opened`, if boot.ts opened it already, else a new one), open
 * while mounted and closed on unmount; new filters go to the service as its query.
 */
export function useBoardView(openView: OpenView, query: ViewQuery, density: Density, opened?: ViewStore): ViewStore {
  const [store] = useState(() => opened ?? new ViewStore(openView, query, firstRanges(density)))
  useEffect(() => {
    store.start()
    return () => store.stop()
  }, [store])
  useEffect(() => store.setQuery(query), [store, query])
  return store
}
