import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './paths'

export type ElectronLookup = { found: true; executablePath: string } | { found: false; reason: string }

/**
 * Where the Electron binary is, found the way the electron package finds it but
 * without require('electron'), which tries to download a missing binary.
 */
export function findElectron(): ElectronLookup {
  const packageDir = join(ROOT, 'node_modules/electron')
  if (!existsSync(packageDir)) return { found: false, reason: 'the electron package is not installed' }
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return { found: false, reason: 'no Electron binary: node_modules/electron/path.txt is missing (the binary was never downloaded)' }
  const relative = readFileSync(pathFile, 'utf8').trim()
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist')
  const executablePath = join(distDir, relative)
  if (!existsSync(executablePath)) return { found: false, reason: `no Electron binary: ${executablePath} does not exist` }
  return { found: true, executablePath }
}
