import { loadCorpus, scoreCorpus, type CorpusFigures } from '../fixtures/quickAdd/corpus'

/**
 * Quick add accuracy on the corpus (test/fixtures/quickAdd/corpus.txt): lines read
 * fully right, per field, and lines saved without asking with a wrong date.
 * Goals: at least 97% fully right, zero silently wrong dates.
 */

const GOAL = 0.97

const percent = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`

function table(figures: CorpusFigures): string[] {
  const { lines } = figures
  const row = (label: string, part: number, whole = lines) => `  ${label.padEnd(34)} ${String(part).padStart(4)}/${String(whole).padEnd(4)} ${percent(part, whole).padStart(6)}`
  return [
    row('fully right', figures.fullyRight),
    row('date and time', figures.dateRight),
    row('client', figures.clientRight),
    row('company', figures.companyRight),
    row('phone and email', figures.contactRight),
    row('right refusals', figures.refusalsRight, figures.refusals),
    row('asks where it must', figures.asksRight, figures.asks),
    `  ${'saved with a wrong date, unasked'.padEnd(34)} ${String(figures.silentlyWrong).padStart(4)}`,
  ]
}

export async function benchQuickAdd(): Promise<string[]> {
  const corpus = loadCorpus()
  const figures = scoreCorpus(corpus)
  const byLocale = [...new Set(corpus.map((line) => line.locale))].map((locale) => {
    const part = scoreCorpus(corpus.filter((line) => line.locale === locale))
    return `  ${locale.padEnd(8)} ${percent(part.fullyRight, part.lines)} of ${part.lines}`
  })
  const holdout = scoreCorpus(loadCorpus('holdout.txt'))
  const met = figures.fullyRight / figures.lines >= GOAL && figures.silentlyWrong === 0
  return [
    `Quick add corpus: ${figures.lines} lines (goal ≥${GOAL * 100}% fully right, 0 saved with a wrong date unasked) — ${met ? 'met' : 'NOT MET'}`,
    ...table(figures),
    '  by locale:',
    ...byLocale,
    ...figures.failures.slice(0, 10).map((f) => `  ✗ line ${f.line.lineNumber}: ${f.line.text} → ${f.outcome}`),
    `  held out (holdout.txt, not tuned on): ${percent(holdout.fullyRight, holdout.lines)} of ${holdout.lines} fully right, ${holdout.silentlyWrong} saved with a wrong date unasked`,
    ...holdout.failures.map((f) => `  ✗ holdout line ${f.line.lineNumber}: ${f.line.text} → ${f.outcome}`),
  ]
}
