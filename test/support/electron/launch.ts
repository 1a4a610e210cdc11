import Module, { register } from 'node:module'
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { emit } from './control'

/**
 * Runs a BUILT Electron main bundle under plain Node with the stand-in as its
 * `electron`:  node --import tsx test/support/electron/launch.ts out/main/index.js [args]
 *
 * ES imports of 'electron' are redirected by a module-resolution hook (hooks.mjs);
 * CommonJS requires (electron-log) by Node's resolver. 'ready' fires once the main
 * module's top level has run, as in Electron.
 */
register('./hooks.mjs', import.meta.url)

const shim = fileURLToPath(new URL('./electron.cjs', import.meta.url))
type Resolver = (request: string, ...rest: unknown[]) => string
const internal = Module as unknown as { _resolveFilename: Resolver }
const resolveFilename = internal._resolveFilename
internal._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
  return request === 'electron' ? shim : resolveFilename.call(this, request, ...rest)
}

// Electron shows uncaught main-process errors in a dialog and keeps running; the test must hear of them.
const report = (what: string) => (error: unknown) => {
  const message = `${what} in the main process: ${(error as Error)?.stack ?? error}`
  console.error(message)
  emit('violation', message)
}
process.on('uncaughtException', report('Uncaught exception'))
process.on('unhandledRejection', report('Unhandled rejection'))

const { app } = await import('./electron')
const main = resolve(process.argv[2] ?? '')
process.argv = [process.argv[0], main, ...process.argv.slice(3)]
app.setMainModule(main)
await import(pathToFileURL(main).href)
app.becomeReady()
