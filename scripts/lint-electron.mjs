// Electronegativity (Doyensec's Electron security linter) over the desktop shell's
// sources. Fails on any HIGH finding and on any file it could not parse (a file it
// cannot read is a file it did not check). Lower findings are printed for review.
//
//   npm run lint:electron              scan electron/ + renderer/index.html + package.json
//   node scripts/lint-electron.mjs DIR scan DIR as it is (used by its own test)
//
// It runs offline: its two network look-ups (translations, Electron's release list
// for the "security fixes available" check) fail fast and are skipped. The Electron
// version comes from package.json, so checks judge Electron 45's secure defaults.
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const run = require('@doyensec/electronegativity/dist/runner.js')

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** The scanner walks a whole folder; give it only what ships: the shell, the page, the manifest. */
function stageProjectSources() {
  const dir = mkdtempSync(join(tmpdir(), 'follow-through-electronegativity-'))
  cpSync(join(ROOT, 'electron'), join(dir, 'electron'), { recursive: true })
  cpSync(join(ROOT, 'renderer', 'index.html'), join(dir, 'renderer', 'index.html'))
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'))
  return dir
}

const explicit = process.argv[2]
const input = explicit ? resolve(explicit) : stageProjectSources()

// Quiet the scanner's own chatter (banner, network fallbacks); findings are printed below.
const log = console.log
console.log = () => {}
let result
try {
  result = await run(
    {
      input,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: [],
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: false,
      electronUpgrade: undefined,
      electronVersionOverride: undefined,
      parserPlugins: [],
    },
    false,
  )
} finally {
  console.log = log
  if (!explicit) rmSync(input, { recursive: true, force: true })
}

const unparsed = result.errors.filter((error) => !error.tolerable)
const high = result.issues.filter((issue) => issue.severity.value >= 3)

for (const issue of [...result.issues].sort((a, b) => b.severity.value - a.severity.value)) {
  const where = `${issue.file}:${issue.location.line}:${issue.location.column}`
  const review = issue.manualReview ? ' (review)' : ''
  log(`${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id.padEnd(30)} ${where}${review}  ${issue.shortenedURL}`)
}
for (const error of unparsed) log(`UNPARSED      ${error.file}: ${error.message}`)

log(
  `electronegativity: ${result.issues.length} finding(s), ${high.length} high, ${unparsed.length} unparsed file(s); ` +
    `${result.atomicChecks} atomic and ${result.globalChecks} global checks.`,
)
if (high.length > 0 || unparsed.length > 0) {
  log('electronegativity: FAILED (high-severity findings or unparsed files).')
  process.exit(1)
}
