import type { FollowUp } from './schema'

/**
 * Finding and replacing one follow-up by id without looking at the others. A scan
 * that reads each follow-up's id touches every object of a large board (about
 * 90 ms at 100k on a busy machine: one cache miss per object), while copying the
 * array of references is a memcpy. So each follow-up array carries a map from id to
 * position, shared with the arrays made from it that keep positions (a replace, an
 * append), and verified on every lookup: a stale map can cost a scan, never a wrong
 * answer.
 */
const positions = new WeakMap<readonly FollowUp[], Map<string, number>>()

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

/** Builds the id map of an array (one scan), e.g. for the data just opened. */
export function indexFollowUps(list: readonly FollowUp[]): void {
  if (positions.has(list)) return
  const map = new Map<string, number>()
  for (let i = 0; i < list.length; i++) map.set(list[i].id, i)
  positions.set(list, map)
}

/** The position of the follow-up with `id`, or -1. */
export function positionOf(list: readonly FollowUp[], id: string): number {
  const at = positions.get(list)?.get(id)
  if (at !== undefined && list[at]?.id === id) return at
  for (let i = 0; i < list.length; i++) if (list[i].id === id) return i
  return -1
}

/** A copy of `list` with the follow-up at `at` replaced; positions are kept, so the id map is shared. */
export function replacedAt(list: readonly FollowUp[], at: number, next: FollowUp): FollowUp[] {
  const copy = list.slice()
  copy[at] = next
  derivations.set(copy, { base: list, put: [next], removed: [] })
  const map = positions.get(list)
  if (map) {
    map.set(next.id, at)
    positions.set(copy, map)
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
  const map = positions.get(list)
  if (map) positions.set(copy, map)
  return copy
}

/** A copy of `list` with follow-ups added at the end; earlier positions are kept, so the id map is shared. */
export function appended(list: readonly FollowUp[], added: readonly FollowUp[]): FollowUp[] {
  const copy = list.concat(added)
  derivations.set(copy, { base: list, put: [...added], removed: [] })
  const map = positions.get(list)
  if (map) {
    for (let i = 0; i < added.length; i++) map.set(added[i].id, list.length + i)
    positions.set(copy, map)
  }
  return copy
}

/** A copy of `list` without the follow-up at `at`; later positions shift, so the copy gets its own map. */
export function removedAt(list: readonly FollowUp[], at: number): FollowUp[] {
  const copy = list.slice()
  copy.splice(at, 1)
  derivations.set(copy, { base: list, put: [], removed: [list[at].id] })
  const map = positions.get(list)
  if (map) {
    // Shifting the map's numbers touches no follow-up object.
    const shifted = new Map<string, number>()
    for (const [id, position] of map) if (position !== at) shifted.set(id, position > at ? position - 1 : position)
    positions.set(copy, shifted)
  }
  return copy
}
