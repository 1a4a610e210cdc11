/** A span of the line: where something was found, so the title can leave it out. */
export interface Span {
  start: number
  end: number
}

export interface Found<T> extends Span {
  value: T
}

const EMAIL = /[^\s@<>()[\],;:"']+@[^\s@<>()[\],;:"']+\.[a-z]{2,}/gi

/** Dates and times that look like digits in a row: hidden before looking for phone numbers. */
const NOT_PHONES = [/\d{4}-\d{1,2}-\d{1,2}/g, /\b\d{1,2}:\d{2}\b/g, /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/g, /\b\d{1,2}\.\d{1,2}\.(?:\d{2,4})?/g]

/** Digits with the usual separators, an optional +country and an optional extension (x204, ext. 45). */
const PHONE = /(?<![\w#+])\+?\(?\d[\d\s().-]{5,}\d(?:\s*(?:x|ext\.?|extension)\s*(\d{1,6}))?(?![\w#])/gi

export function findEmails(text: string): Found<string>[] {
  return [...text.matchAll(EMAIL)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, value: m[0] }))
}

/** Phone numbers of 7 to 15 digits; an extension is kept as " x45". */
export function findPhones(text: string): Found<string>[] {
  let masked = text
  for (const pattern of NOT_PHONES) masked = masked.replace(pattern, (m) => '#'.repeat(m.length))
  const found: Found<string>[] = []
  for (const match of masked.matchAll(PHONE)) {
    const raw = text.slice(match.index!, match.index! + match[0].length)
    const extension = match[1]
    const number = (extension ? raw.replace(/\s*(?:x|ext\.?|extension)\s*\d{1,6}$/i, '') : raw).trim()
    const digits = number.replace(/\D/g, '').length
    if (digits < 7 || digits > 15) continue
    found.push({ start: match.index!, end: match.index! + match[0].length, value: extension ? `${number} x${extension}` : number })
  }
  return found
}

/** The same number written differently (+44 20 … and 020 …) compares equal on its last nine digits. */
export function samePhone(a: string, b: string): boolean {
  const digits = (phone: string) => phone.replace(/\s*x\d+$/i, '').replace(/\D/g, '')
  const [x, y] = [digits(a), digits(b)]
  if (x.length < 9 || y.length < 9) return x === y
  return x.slice(-9) === y.slice(-9)
}
