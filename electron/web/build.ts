import { spawn } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const BUILT_INDEX = join(ROOT, 'out/renderer/index.html')
/** What the renderer bundle is made from. */
const SOURCES = ['renderer', 'electron/contract', 'electron/core'].map((dir) => join(ROOT, dir))

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path)
  if (!info.isDirectory()) return info.mtimeMs
  const entries = await readdir(path)
  const times = await Promise.all(entries.map((entry) => newestMtime(join(path, entry))))
  return Math.max(info.mtimeMs, ...times)
}

async function isStale(): Promise<boolean> {
  const built = await stat(BUILT_INDEX).then((s) => s.mtimeMs, () => 0)
  if (built === 0) return true
  const sources = await Promise.all(SOURCES.map(newestMtime))
  return Math.max(...sources) > built
}

/** Builds the renderer when its output is missing or older than its sources; returns the folder to serve. */
export async function ensureRendererBuilt(): Promise<string> {
  if (await isStale()) {
    console.log('Follow Through: building the app…')
    await new Promise<void>((resolvePromise, reject) => {
      const child = spawn(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      })
      child.on('error', reject)
      child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`The build failed (exit ${code}).`))))
    })
  }
  return dirname(BUILT_INDEX)
}
