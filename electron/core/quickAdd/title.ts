import type { Span } from './contactDetails'

const CUT = '\u0000'
/** Words that only led into what was cut out: "by" in "by Friday", "at" in "at 555-0134". */
const LEAD_IN = /(?:^|\s)(?:by|on|at|@|before|until|due|bis|am|um|zum|gegen|ab)\s*(?=\u0000)/giu
/** Words that cannot end a title once the date or number after them is gone. */
const DANGLING_END = /(?:[\s,;:–-]+|\s(?:by|on|at|@|before|until|due|in|for|re|x|ext\.?|about|regarding|and|to|am|um|bis|gegen|the))+$/iu
const DANGLING_START = /^[\s,;:–-]+/u

/**
 * What was promised: the line without the date words, contact details and the little
 * words that led into them; first letter capitalised. `keep` is a contact detail that
 * is the recipient ("email deck to sarah@…") and stays.
 */
export function titleFrom(line: string, cut: Span[], keep?: Span): string {
  let text = ''
  let position = 0
  for (const span of [...cut].sort((a, b) => a.start - b.start)) {
    if (keep && span.start === keep.start) continue
    if (span.start < position) continue
    text += line.slice(position, span.start) + CUT
    position = span.end
  }
  text += line.slice(position)
  text = text.replace(LEAD_IN, ' ').replaceAll(CUT, ' ').replace(/\(\s*\)/g, ' ')
  text = text.replace(/\s+/g, ' ').replace(/\s+([,;:.!?])/g, '$1').replace(/([,;:])(?=[,;:])/g, '')
  text = text.replace(DANGLING_END, '').replace(DANGLING_START, '').trim()
  return text.charAt(0).toUpperCase() + text.slice(1)
}
