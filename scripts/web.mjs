// `npm run web`: browser mode from built JavaScript (out/web/cli.js), so the ready line
// comes as soon as the data is open. Builds first only when the sources (or the installed libraries) are newer.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const BUILT = join(ROOT, 'out/web/cli.js')

function newestMtime(path) {
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  return Math.max(info.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))))
}

const builtAt = (() => {
  try {
    return statSync(BUILT).mtimeMs
  } catch {
    return 0
  }
})()
// The build bundles some libraries: an npm install (the lockfile) makes it stale too.
const sources = ['electron', 'vite.web.config.ts', 'package-lock.json'].map((path) => newestMtime(join(ROOT, path)))
if (builtAt === 0 || Math.max(...sources) > builtAt) {
  console.log('Follow Through: building browser mode…')
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js')
  const build = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.web.config.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (build.status !== 0) {
    console.error(`Follow Through: the build failed (exit ${build.status}).`)
    process.exit(1)
  }
}
await import(pathToFileURL(BUILT).href)
