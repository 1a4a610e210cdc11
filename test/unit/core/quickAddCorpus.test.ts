import { describe, expect, it } from 'vitest'
import { loadCorpus, scoreCorpus } from '../../fixtures/quickAdd/corpus'

describe('the quick add corpus (test/fixtures/quickAdd/corpus.txt)', () => {
  const corpus = loadCorpus()
  const figures = scoreCorpus(corpus)
  const failures = figures.failures.map((f) => `line ${f.line.lineNumber}: ${f.line.text} → ${f.outcome}`)

  it('holds at least 200 lines typed in US English, British English and German', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200)
    expect(new Set(corpus.map((line) => line.locale))).toEqual(new Set(['en-US', 'en-GB', 'de-DE']))
  })

  it('reads at least 95% of the lines fully right', () => {
    expect(figures.fullyRight / figures.lines, failures.join('\n')).toBeGreaterThanOrEqual(0.95)
  })

  it('never saves a line with a wrong date without asking first', () => {
    expect(figures.failures.filter((f) => f.silentlyWrong).map((f) => `line ${f.line.lineNumber}: ${f.line.text} → ${f.outcome}`)).toEqual([])
  })
})
