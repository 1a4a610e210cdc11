import type { Client, Data } from '../schema'
import { samePhone } from './contactDetails'
import { allowedSlips, fold, typoDistance } from './fuzzy'

/** A client already in the data: whom quick add and the form's autocomplete match first. */
export type KnownClient = Client

/** Every client in the data once, by name (case-insensitive), newest details first. */
export function knownClients(data: Pick<Data, 'followUps'>): KnownClient[] {
  const byName = new Map<string, KnownClient>()
  const newestFirst = [...data.followUps].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  for (const { client } of newestFirst) {
    const key = fold(client.name)
    const known = byName.get(key)
    if (!known) byName.set(key, { ...client })
    else byName.set(key, { ...client, ...known, company: known.company ?? client.company, phone: known.phone ?? client.phone, email: known.email ?? client.email })
  }
  return [...byName.values()]
}

const words = (text: string) => fold(text).split(/\s+/).filter(Boolean)

const near = (typed: string, known: string) => typed === known || typoDistance(typed, known) <= allowedSlips(known)

/** The one entry that fits, or none when there are none or several (then nothing is guessed). */
const only = <T>(found: T[]): T | undefined => (found.length === 1 ? found[0] : undefined)

/**
 * The known person a typed name means: the full name, allowing a slip per word
 * ("Jeny Rivera", "micheal scott"); or one word that is a first name, its start
 * ("Jen"), a first name with a slip, or a last name. Ambiguous names match nobody.
 */
export function matchPerson(typed: string, clients: readonly KnownClient[]): KnownClient | undefined {
  const typedWords = words(typed)
  if (typedWords.length === 0) return undefined
  if (typedWords.length > 1) {
    return only(clients.filter((c) => {
      const known = words(c.name)
      return known.length === typedWords.length && known.every((word, i) => near(typedWords[i], word))
    }))
  }
  const [word] = typedWords
  const exact = clients.filter((c) => words(c.name)[0] === word)
  if (exact.length > 0) return only(exact)
  const started = clients.filter((c) => word.length >= 3 && words(c.name).length > 1 && words(c.name)[0].startsWith(word))
  if (started.length > 0) return only(started)
  const slipped = clients.filter((c) => words(c.name).length > 1 && near(word, words(c.name)[0]))
  if (slipped.length > 0) return only(slipped)
  return only(clients.filter((c) => words(c.name).length > 1 && words(c.name).at(-1) === word && word.length >= 4))
}

/** A known company by its name, allowing one slip: "acme corp" is "Acme Corp". */
export function matchCompany(typed: string, clients: readonly KnownClient[]): string | undefined {
  const folded = fold(typed)
  const companies = [...new Set(clients.flatMap((c) => (c.company ? [c.company] : [])))]
  return companies.find((c) => fold(c) === folded) ?? only(companies.filter((c) => near(folded, fold(c))))
}

export const matchEmail = (email: string, clients: readonly KnownClient[]) => clients.find((c) => c.email && fold(c.email) === fold(email))

export const matchPhone = (phone: string, clients: readonly KnownClient[]) => clients.find((c) => c.phone && samePhone(c.phone, phone))

/**
 * The known clients whose name, company, email or phone starts with what was typed
 * (any word of it, case-insensitive), then those within a slip of it; for the client
 * field's autocomplete.
 */
export function suggestClients(clients: readonly KnownClient[], prefix: string, limit = 8): KnownClient[] {
  const typed = fold(prefix.trim())
  if (typed === '') return []
  const digits = typed.replace(/\D/g, '')
  const rank = (client: KnownClient): number => {
    const name = fold(client.name)
    if (name.startsWith(typed)) return 0
    if (words(client.name).some((w) => w.startsWith(typed))) return 1
    if (client.company && (fold(client.company).startsWith(typed) || words(client.company).some((w) => w.startsWith(typed)))) return 2
    if (client.email && fold(client.email).startsWith(typed)) return 3
    if (client.phone && digits.length >= 3 && client.phone.replace(/\D/g, '').includes(digits)) return 3
    const slipped = (w: string) => typoDistance(typed, w.slice(0, typed.length)) <= 1
    if (typed.length >= 4 && (words(client.name).some(slipped) || words(client.company ?? '').some(slipped))) return 4
    return -1
  }
  return clients
    .map((client) => ({ client, rank: rank(client) }))
    .filter((c) => c.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.client.name.localeCompare(b.client.name))
    .slice(0, limit)
    .map((c) => c.client)
}
