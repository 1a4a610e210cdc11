import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SafeStorage } from 'electron'
import type { PasswordStore } from '../service/sync/passwords'

export const ENCRYPTED_PASSWORD_FILE_NAME = 'calendar-password.enc'

/**
 * The desktop app's calendar password, encrypted with Electron's safeStorage (the
 * OS keychain, DPAPI or the desktop's secret service) and kept beside the data
 * file, mode 0600. Without OS encryption it refuses to store rather than keep the
 * password readable.
 */
export function safeStoragePasswords(safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>, dataDir: string): PasswordStore {
  const file = join(dataDir, ENCRYPTED_PASSWORD_FILE_NAME)
  return {
    where: 'encrypted by your system’s keychain (Electron safeStorage)',
    async read() {
      try {
        return safeStorage.decryptString(await readFile(file))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
    async write(password) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new Error('This system offers no keychain to encrypt the calendar password, so it was not saved.')
      }
      await writeFile(file, safeStorage.encryptString(password), { mode: 0o600 })
    },
    async clear() {
      await rm(file, { force: true })
    },
  }
}
