import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { load } from 'js-yaml'
import { globSync } from 'tinyglobby'

/**
 * The app as electron-builder would ship it, laid out as a folder: Electron loads
 * `resources/app/` exactly as it loads `resources/app.asar`. Only what the
 * builder's `files` patterns select is copied, plus the production dependencies
 * (`npm ls --omit=dev`), so a file the app needs but the package leaves out — or a
 * runtime import of a dev dependency — fails here as it would for a user.
 */
export interface PackagedLayout {
  appDir: string
  /** The app's entry as package.json's `main` names it. */
  main: string
  files: string[]
  dependencies: string[]
}

export function buildPackagedLayout(root: string, into: string): PackagedLayout {
  const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { files?: string[] }
  const patterns = config.files ?? ['**/*']
  const appDir = join(into, 'resources', 'app')
  mkdirSync(appDir, { recursive: true })
  // electron-builder always includes package.json and never the source's own node_modules through `files`.
  const files = globSync([...patterns, 'package.json', '!node_modules/**'], { cwd: root, dot: true })
  for (const file of files) {
    mkdirSync(dirname(join(appDir, file)), { recursive: true })
    cpSync(join(root, file), join(appDir, file))
  }
  const listed = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  const dependencies = listed
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== root)
    .map((line) => relative(root, line))
  for (const dependency of dependencies) {
    // Each package without its nested node_modules: those that are production dependencies are listed themselves.
    cpSync(join(root, dependency), join(appDir, dependency), {
      recursive: true,
      filter: (source) => !relative(join(root, dependency), source).split(sep).includes('node_modules'),
    })
  }
  const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as { main: string }
  return { appDir, main: join(appDir, pkg.main), files, dependencies }
}
