import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './paths'

/**
 * The command `npm run web` runs, as arguments for `process.execPath`: package.json's `web`
 * script (`node [Node options] scripts/web.mjs`) without `node`, so the server is one process
 * (npm would stand between it and a SIGTERM) started exactly as a person starts it.
 */
export function webScriptArgs(): string[] {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { web: string } }).scripts.web
  const [node, ...args] = script.trim().split(/\s+/)
  if (node !== 'node' || args.at(-1) !== 'scripts/web.mjs' || /["'\\]/.test(script)) throw new Error(`package.json's web script is not "node [options] scripts/web.mjs" without quotes: ${script}`)
  return args
}
