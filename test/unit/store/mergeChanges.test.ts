import fc from 'fast-check'
import { expect, test } from 'vitest'
import { applyChange, type DataChange } from '../../../electron/core/dataDiff'
import { mergeChanges } from '../../../electron/store/mergeChanges'
import { sampleData } from './helpers'

const base = sampleData('base', 4)
const ids = ['fu-0', ...base.followUps.map((f) => f.id), 'new-1', 'new-2']
const record = (id: string, version: number) => ({ ...base.followUps[0], id, title: `${id} v${version}` })

const change = fc.record({
  put: fc.uniqueArray(fc.constantFrom(...ids)),
  removed: fc.uniqueArray(fc.constantFrom(...ids)),
  version: fc.nat(99),
  settings: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
  // A calendar sync state (by its token), sync turned off (null), or no sync change.
  sync: fc.option(fc.option(fc.nat(9), { nil: null }), { nil: undefined }),
})

const syncState = (token: number) => ({ enabled: true, serverUrl: 'https://dav.example', username: 'ana', syncToken: `t${token}`, items: {}, flags: [], unlinked: [] })

test('a journal replayed as one merged change gives exactly the data its changes give one by one (order included)', () => {
  fc.assert(
    fc.property(fc.array(change, { maxLength: 12 }), (drawn) => {
      const changes: DataChange[] = drawn.map(({ put, removed, version, settings, sync }) => ({
        // One change never puts and removes the same record (diffData cannot produce that).
        followUps: { put: put.filter((id) => !removed.includes(id)).map((id) => record(id, version)), removed },
        contacts: { put: [], removed: [] },
        ...(settings === undefined ? {} : { settings: { ...base.settings, leadTimeMinutes: settings } }),
        ...(sync === undefined ? {} : { sync: sync === null ? null : syncState(sync) }),
      }))
      const oneByOne = changes.reduce(applyChange, { ...base, sync: syncState(99) })
      expect(applyChange({ ...base, sync: syncState(99) }, mergeChanges(changes))).toEqual(oneByOne)
    }),
    { numRuns: 500 },
  )
})
