import type { FollowUp } from './schema'

/**
 * Finding and replacing one follow-up by id (or a client's follow-ups, or the ones
 * following up another) without looking at the others. A scan
 * that reads each follow-up's id touches every object of a large board (about
 * 90 ms at 100k on a busy machine: one cache miss per object), while copying the
 * array of references is a memcpy. So each follow-up array carries a map from id to
 * position, shared with the arrays made from it that keep positions (a replace, an
 * append), and verified on every lookup: a stale map can cost a scan, never a wrong
 * answer.
 */
interface Lookup {
  positions: Map<string, number>
  /**
   * Ids by client (as `clientKey` spells it) and by the follow-up they follow up:
   * every id any array of the family ever held there (ids are only added), so a
   * lookup checks each against the array, reading only those follow-ups.
   */
  byClient: Map<string, Set<string>>
  byFollowsUp: Map<string, Set<string>>
}
const lookups = new WeakMap<readonly FollowUp[], Lookup>()

/** How the method compares client names: a client typed "ACME " is the client "acme". */
export const clientKey = (name: string): string => name.trim().toLocaleLowerCase()

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key)
  if (ids) ids.add(id)
  else index.set(key, new Set([id]))
}

function remember(lookup: Lookup, followUp: FollowUp): void {
  addTo(lookup.byClient, clientKey(followUp.client.name), followUp.id)
  if (followUp.followsUp !== undefined) addTo(lookup.byFollowsUp, followUp.followsUp, followUp.id)
}

/**
 * For a copy made by one of these helpers: the array it was made from and what it
 * changed, so diffing the two (once per commit) needs no scan. Only one step is
 * remembered, so a copy never keeps more than its parent alive.
 */
interface Derivation {
  base: readonly FollowUp[]
  put: FollowUp[]
  removed: string[]
}
const derivations = new WeakMap<readonly FollowUp[], Derivation>()

/** What `after` changed compared with `before`, when it was made from it in one step; null otherwise. */
export function derivationOf(before: readonly FollowUp[], after: readonly FollowUp[]): { put: FollowUp[]; removed: string[] } | null {
  const derivation = derivations.get(after)
  return derivation && derivation.base === before ? { put: derivation.put, removed: derivation.removed } : null
}

/** Builds the id map and the lookups of an array (one scan), e.g. for the data just opened. */
export function indexFollowUps(list: readonly FollowUp[]): void {
  if (lookups.has(list)) return
  const lookup: Lookup = { positions: new Map(), byClient: new Map(), byFollowsUp: new Map() }
  for (let i = 0; i < list.length; i++) {
    lookup.positions.set(list[i].id, i)
    remember(lookup, list[i])
  }
  lookups.set(list, lookup)
}

/** The position of the follow-up with `id`, or -1. */
export function positionOf(list: readonly FollowUp[], id: string): number {
  const at = lookups.get(list)?.positions.get(id)
  if (at !== undefined && list[at]?.id === id) return at
  for (let i = 0; i < list.length; i++) if (list[i].id === id) return i
  return -1
}

/**
 * The follow-ups in `list` for which `matches` holds, in list order, looking only
 * at the ids `candidates` picks from the lookup; a scan of all when `list` has none.
 */
function findWhere(
  list: readonly FollowUp[],
  candidates: (lookup: Lookup) => Set<string> | undefined,
  matches: (followUp: FollowUp) => boolean,
): FollowUp[] {
  const lookup = lookups.get(list)
  if (!lookup) return list.filter(matches)
  const found: number[] = []
  for (const id of candidates(lookup) ?? []) {
    // Every id of an array is in its map, so an id missing there is not in it.
    let at = lookup.positions.get(id)
    if (at === undefined) continue
    if (list[at]?.id !== id) at = positionOf(list, id)
    if (at >= 0 && matches(list[at])) found.push(at)
  }
  return found.sort((a, b) => a - b).map((at) => list[at])
}

/** The follow-ups of one client (names compared as `clientKey` does), without reading the others. */
export function followUpsOfClient(list: readonly FollowUp[], name: string): FollowUp[] {
  const key = clientKey(name)
  return findWhere(list, (lookup) => lookup.byClient.get(key), (followUp) => clientKey(followUp.client.name) === key)
}

/** The follow-ups that follow up `id` (its check-in, thank-you…), without reading the others. */
export function followUpsFollowing(list: readonly FollowUp[], id: string): FollowUp[] {
  return findWhere(list, (lookup) => lookup.byFollowsUp.get(id), (followUp) => followUp.followsUp === id)
}

/** A copy of `list` with the follow-up at `at` replaced; positions are kept, so the id map is shared. */
export function replacedAt(list: readonly FollowUp[], at: number, next: FollowUp): FollowUp[] {
  const copy = list.slice()
  copy[at] = next
  derivations.set(copy, { base: list, put: [next], removed: [] })
  const lookup = lookups.get(list)
  if (lookup) {
    lookup.positions.set(next.id, at)
    remember(lookup, next)
    lookups.set(copy, lookup)
  }
  return copy
}

/** A copy of `list` with several follow-ups replaced by id in one copy (a tick may settle many). */
export function replacedById(list: readonly FollowUp[], updated: ReadonlyMap<string, FollowUp>): FollowUp[] {
  const copy = list.slice()
  const put: FollowUp[] = []
  for (const [id, next] of updated) {
    const at = positionOf(list, id)
    if (at >= 0) {
      copy[at] = next
      put.push(next)
    }
  }
  derivations.set(copy, { base: list, put, removed: [] })
  const lookup = lookups.get(list)
  if (lookup) {
    for (const followUp of put) remember(lookup, followUp)
    lookups.set(copy, lookup)
  }
  return copy
}

/** A copy of `list` with follow-ups added at the end; earlier positions are kept, so the id map is shared. */
export function appended(list: readonly FollowUp[], added: readonly FollowUp[]): FollowUp[] {
  const copy = list.concat(added)
  derivations.set(copy, { base: list, put: [...added], removed: [] })
  const lookup = lookups.get(list)
  if (lookup) {
    for (let i = 0; i < added.length; i++) {
      lookup.positions.set(added[i].id, list.length + i)
      remember(lookup, added[i])
    }
    lookups.set(copy, lookup)
  }
  return copy
}

/** A copy of `list` without the follow-up at `at`; later positions shift, so the copy gets its own map (and shares the rest). */
export function removedAt(list: readonly FollowUp[], at: number): FollowUp[] {
  const copy = list.slice()
  copy.splice(at, 1)
  derivations.set(copy, { base: list, put: [], removed: [list[at].id] })
  const lookup = lookups.get(list)
  if (lookup) {
    // Shifting the map's numbers touches no follow-up object.
    const shifted = new Map<string, number>()
    for (const [id, position] of lookup.positions) if (position !== at) shifted.set(id, position > at ? position - 1 : position)
    lookups.set(copy, { ...lookup, positions: shifted })
  }
  return copy
}
