import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (test/e2e/support → ../../..). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
/** Where failure screenshots go (git-ignored). */
export const RESULTS_DIR = resolve(ROOT, 'test-results')
