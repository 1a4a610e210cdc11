import type { Client } from '../schema'
import type { Found, Span } from './contactDetails'
import { matchCompany, matchEmail, matchPerson, matchPhone, type KnownClient } from './knownClients'
import type { DateDialect } from './locale'
import {
  COMMON_WORDS,
  COMPANY_LINKS,
  COMPANY_SUFFIXES,
  CONNECTORS,
  GERMAN_PERSON_VERBS,
  NAME_PARTICLES,
  PERSON_VERBS,
  RECIPIENT_PREPOSITIONS,
  WEEKDAYS,
} from './vocabulary'

export interface Recipient {
  client: Client
  /** The known client the line named, if any: the preview says so. */
  known?: KnownClient
  /** A contact detail that is the recipient ("email deck to sarah@…"): it stays in the title. */
  keepInTitle?: Span
}

export interface LineParts {
  line: string
  emails: Found<string>[]
  phones: Found<string>[]
  /** Where the date words were: a name never runs across them. */
  dates: Span[]
}

type Token =
  | { kind: 'word'; text: string }
  | { kind: 'comma' }
  | { kind: 'email'; found: Found<string> }
  | { kind: 'phone'; found: Found<string> }
  | { kind: 'gap' }

const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’.\-]*|&|@|,|[^\s\p{L}\p{M},&@]+/gu

/** The line as words, with contact details and date words as single tokens in their place. */
function tokenize(parts: LineParts): Token[] {
  const marks = [
    ...parts.emails.map((found) => ({ ...found, token: { kind: 'email', found } as Token })),
    ...parts.phones.map((found) => ({ ...found, token: { kind: 'phone', found } as Token })),
    ...parts.dates.map((span) => ({ ...span, token: { kind: 'gap' } as Token })),
  ].sort((a, b) => a.start - b.start)
  const tokens: Token[] = []
  let position = 0
  const words = (text: string) => {
    for (const match of text.matchAll(WORD)) {
      const word = match[0]
      if (word === ',' || word === ';' || word === ':') tokens.push({ kind: 'comma' })
      else if (/^[\p{L}&@]/u.test(word)) tokens.push({ kind: 'word', text: word })
      else tokens.push({ kind: 'gap' })
    }
  }
  for (const mark of marks) {
    if (mark.start < position) continue
    words(parts.line.slice(position, mark.start))
    tokens.push(mark.token)
    position = mark.end
  }
  words(parts.line.slice(position))
  return tokens
}

const capitalised = (word: string) => /^\p{Lu}/u.test(word)
const lower = (word: string) => word.toLowerCase()
const bare = (word: string) => (COMPANY_SUFFIXES.has(lower(word)) ? word : word.replace(/\.$/, ''))
const titleCase = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()

interface Run {
  words: string[]
  end: number
}

/**
 * The name starting at `from`: up to four words that can be part of a name. In a
 * mixed-case line a name is capitalised (particles such as "van" aside); in a line
 * typed all lower or all upper case any word that is not a common word can be.
 * `lenient` also takes lower-case words in a mixed-case line, for the caller to check
 * against the known clients.
 */
function readRun(tokens: Token[], from: number, uniformCase: boolean, lenient = false): Run {
  const words: string[] = []
  let i = from
  while (i < tokens.length && words.length < 4) {
    const token = tokens[i]
    if (token.kind !== 'word') break
    const word = token.text
    const lowered = lower(bare(word))
    if (word === '&' && words.length > 0 && tokens[i + 1]?.kind === 'word') {
      words.push(word)
      i++
      continue
    }
    if (WEEKDAYS['en-US'].includes(lowered) || WEEKDAYS.de.includes(lowered)) break
    if (!/^\p{L}/u.test(word) || CONNECTORS.has(lowered) || PERSON_VERBS.has(lowered) || GERMAN_PERSON_VERBS.has(lowered)) {
      if (!(NAME_PARTICLES.has(lowered) && words.length > 0 && tokens[i + 1]?.kind === 'word' && capitalised((tokens[i + 1] as { text: string }).text))) break
    }
    const commonWord = COMMON_WORDS.has(lowered) && (uniformCase || !capitalised(word))
    if (commonWord) break
    if (!uniformCase && !capitalised(word) && !lenient && !NAME_PARTICLES.has(lowered)) break
    words.push(bare(word))
    i++
  }
  return { words, end: i }
}

/** "at Caltech", "from Hooli", "@ Globex", or ", Aviato," after a name. */
function readCompany(tokens: Token[], from: number, uniformCase: boolean): string[] | undefined {
  const link = tokens[from]
  if (link?.kind === 'word' && COMPANY_LINKS.has(lower(link.text))) {
    const run = readRun(tokens, from + 1, uniformCase)
    return run.words.length > 0 ? run.words : undefined
  }
  if (link?.kind === 'comma') {
    const run = readRun(tokens, from + 1, uniformCase)
    const after = tokens[run.end]
    if (run.words.length > 0 && (after === undefined || after.kind === 'comma' || after.kind === 'gap')) return run.words
  }
  return undefined
}

/** "tom.baker@contoso.com" is Tom Baker. */
function nameFromEmail(email: string): string {
  const local = email.split('@')[0]
  return local
    .split(/[._+-]+/)
    .map((part) => part.replace(/\d+/g, ''))
    .filter(Boolean)
    .map(titleCase)
    .join(' ')
}

function written(words: string[], uniformCase: boolean): string {
  return words.map((word) => (uniformCase ? titleCase(word) : word)).join(' ')
}

const isCompanyName = (words: string[]) => words.length > 1 && COMPANY_SUFFIXES.has(lower(words.at(-1)!))

interface Context {
  clients: readonly KnownClient[]
  email?: string
  phone?: string
}

function withDetails(client: Client, context: Context): Client {
  const result: Client = { name: client.name }
  if (client.company) result.company = client.company
  const phone = context.phone ?? client.phone
  const email = context.email ?? client.email
  if (phone) result.phone = phone
  if (email) result.email = email
  return result
}

/** "Jenny Rivera Firdya": a known full name followed by a word that is not part of it. */
function knownByFirstWords(words: string[], uniformCase: boolean, clients: readonly KnownClient[]): KnownClient | undefined {
  for (let length = words.length - 1; length >= 2; length--) {
    const known = matchPerson(written(words.slice(0, length), uniformCase), clients)
    if (known) return known
  }
  return undefined
}

/** A name read from the line, with the company after it if any, matched against known clients. */
function fromRun(words: string[], company: string[] | undefined, uniformCase: boolean, context: Context): Recipient {
  const text = written(words, uniformCase)
  const companyName = company ? (matchCompany(company.join(' '), context.clients) ?? written(company, uniformCase)) : undefined
  const known = matchPerson(text, context.clients) ?? knownByFirstWords(words, uniformCase, context.clients)
  if (known) return { client: withDetails({ ...known, ...(companyName ? { company: companyName } : {}) }, context), known }
  const knownCompany = company ? undefined : matchCompany(text, context.clients)
  if (knownCompany) return { client: withDetails({ name: knownCompany, company: knownCompany }, context) }
  if (!company && isCompanyName(words)) return { client: withDetails({ name: text, company: text }, context) }
  return { client: withDetails({ name: text, ...(companyName ? { company: companyName } : {}) }, context) }
}

function fromEmail(found: Found<string>, context: Context): Recipient {
  const known = matchEmail(found.value, context.clients) ?? matchPerson(nameFromEmail(found.value), context.clients.filter((c) => !c.email))
  if (known) return { client: withDetails(known, context), known }
  return { client: withDetails({ name: nameFromEmail(found.value) || found.value }, context) }
}

/**
 * Who the line is for. In order: a name (or contact detail) after "call", "email",
 * "to", "with", "for" and their kin; a name opening the line ("Oscorp about …",
 * "Jane Doe, Acme, …"); an email address or a known phone number on its own.
 * Known clients are matched first, by name, company, email or phone.
 */
export function findRecipient(parts: LineParts, dialect: DateDialect, clients: readonly KnownClient[]): Recipient | undefined {
  const tokens = tokenize(parts)
  const letters = parts.line.replace(/[^\p{L}]/gu, '')
  const uniformCase = letters === letters.toLowerCase() || letters === letters.toUpperCase()
  const context: Context = { clients, email: parts.emails[0]?.value, phone: parts.phones[0]?.value }

  const person = (start: number): Recipient | undefined => {
    let run = readRun(tokens, start, uniformCase)
    if (run.words.length === 0 && !uniformCase) {
      // "send proposal to acme corp": lower case in a mixed line counts only for a known client.
      const lenient = readRun(tokens, start, uniformCase, true)
      const text = lenient.words.join(' ')
      if (lenient.words.length === 0 || !(matchPerson(text, clients) || matchCompany(text, clients))) return undefined
      run = lenient
    }
    if (run.words.length === 0) return undefined
    return fromRun(run.words, readCompany(tokens, run.end, uniformCase), uniformCase, context)
  }

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    if (token.kind !== 'word') continue
    const word = lower(token.text)
    const verb = PERSON_VERBS.has(word)
    if (!verb && !RECIPIENT_PREPOSITIONS.has(word)) continue
    const next = tokens[i + 1]
    if (next?.kind === 'email') return { ...fromEmail(next.found, context), keepInTitle: next.found }
    if (next?.kind === 'phone' && verb) {
      const known = matchPhone(next.found.value, clients)
      if (known) return { client: withDetails(known, context), known, keepInTitle: next.found }
      continue
    }
    const found = person(i + 1)
    if (found) return found
  }

  const opening = tokens.findIndex((t) => t.kind === 'word')
  const germanOrder = dialect === 'de'
  if (opening >= 0 && (!germanOrder || tokens.some((t) => t.kind === 'word' && GERMAN_PERSON_VERBS.has(lower(t.text))))) {
    const first = tokens[opening] as { text: string }
    if (!COMMON_WORDS.has(lower(first.text))) {
      const found = person(opening)
      if (found) return found
    }
  }

  if (parts.emails[0]) return fromEmail(parts.emails[0], context)
  const byPhone = parts.phones[0] && matchPhone(parts.phones[0].value, clients)
  if (byPhone) return { client: withDetails(byPhone, context), known: byPhone }
  return undefined
}
