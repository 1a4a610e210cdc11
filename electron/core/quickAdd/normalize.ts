import { allowedSlips, fold, typoDistance } from './fuzzy'
import type { DateDialect } from './locale'
import { MONTHS, WEEKDAYS } from './vocabulary'

/** Shorthand salespeople type, spelled out so the date reader and the title understand it. */
const SHORTHAND: [RegExp, string][] = [
  [/^\s*(?:reminder|todo|to do|note)\s*:\s*/i, ''],
  [/\bw\/(?!o\b)\s*/gi, 'with '],
  [/\bre:\s*/gi, 're '],
  [/\b(?:tmrw|tmrow|tmr|tmw|tomorow|tommorow|tommorrow|tomorro|2morrow|2moro)\b/gi, 'tomorrow'],
  [/\bweds\b/gi, 'wed'],
  [/@\s*(?=\d)/g, 'at '],
  [/\s+/g, ' '],
]

/** "fri 4", "tomorrow 2": a bare hour after a day, which chrono reads only with "at". */
const DAY_THEN_BARE_HOUR =
  /\b(mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday|today|tomorrow)\s+((?:1[0-2]|[1-9])(?::[0-5]\d)?)(?![\d:./]|\s*(?:st|nd|rd|th|am|pm|a\.m|p\.m|uhr)\b|\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*)/giu

const DAY_NUMBER = /^\d{1,2}(?:st|nd|rd|th|\.)?$/i

/**
 * A slip of the keyboard in a weekday, e.g. "Thrusday", "Firday", "Tuesdy", "Freitg": the
 * same first letter, the "d…y" (German "t…g") still there, one slip, or two if it still ends in "day".
 */
function correctedWeekday(word: string, dialect: DateDialect, slips: number): string | undefined {
  const folded = fold(word)
  if (folded.length < 5 || WEEKDAYS[dialect].includes(folded)) return undefined
  const english = dialect !== 'de'
  const looksLikeADay = english ? /d/.test(folded) && /y/.test(folded) : /t/.test(folded) && /g/.test(folded)
  if (!looksLikeADay) return undefined
  const closest = WEEKDAYS[dialect]
    .filter((day) => folded[0] === day[0])
    .map((day) => ({ day, distance: typoDistance(folded, day) }))
    .sort((a, b) => a.distance - b.distance)[0]
  if (!closest) return undefined
  const { day, distance } = closest
  return distance <= 1 || (distance <= slips && folded.endsWith(english ? 'day' : 'tag')) ? day : undefined
}

/** The weekday a word was probably meant to be, allowing two slips: used to ask, never to decide. */
export function weekdayNamedBy(word: string, dialect: DateDialect): string | undefined {
  const folded = fold(word)
  const exact = WEEKDAYS[dialect].find((day) => day === folded)
  return exact ?? correctedWeekday(word, dialect, 2) ?? loosely(word, dialect)
}

function loosely(word: string, dialect: DateDialect): string | undefined {
  const folded = fold(word)
  if (folded.length < 5) return undefined
  return WEEKDAYS[dialect].find((day) => folded[0] === day[0] && typoDistance(folded, day) <= 2)
}

/** A month misspelt next to a day number, e.g. "Decmber 8", "3 Novmber". Only then: "Marcy" stays a name. */
function correctedMonth(word: string, neighbours: string[], dialect: DateDialect): string | undefined {
  const folded = fold(word)
  if (folded.length < 5 || !neighbours.some((n) => DAY_NUMBER.test(n))) return undefined
  return MONTHS[dialect].find((month) => folded !== month && typoDistance(folded, fold(month)) <= allowedSlips(month))
}

/**
 * The line with shorthand spelt out and misspelt weekdays and months corrected, so
 * that "tmrw", "w/", "re:", "Firday" and "Decmber 8" read like what was meant.
 */
export function normalizeLine(text: string, dialect: DateDialect): string {
  let line = text
  for (const [pattern, replacement] of SHORTHAND) line = line.replace(pattern, replacement)
  // German "morgen früh" is the morning; chrono would read the "fr" of "früh" as Friday.
  if (dialect === 'de') line = line.replace(/(?<![\p{L}])früh(?![\p{L}])/giu, 'vormittag')
  const words = line.split(' ')
  const corrected = words
    .map((word, i) => {
      const bare = word.replace(/[,.;:!?]+$/, '')
      if (!/^\p{L}+$/u.test(bare)) return word
      const fixed = correctedWeekday(bare, dialect, 2) ?? correctedMonth(bare, [words[i - 1] ?? '', words[i + 1] ?? ''], dialect)
      return fixed ? fixed + word.slice(bare.length) : word
    })
    .join(' ')
    .trim()
  return corrected.replace(DAY_THEN_BARE_HOUR, '$1 at $2')
}
