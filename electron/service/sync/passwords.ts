import { chmod, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Where the calendar password lives: never in the data file, an export or a log.
 * The desktop app passes one backed by Electron's safeStorage (electron/main);
 * browser mode keeps it in a file only its owner can read.
 */
export interface PasswordStore {
  read(): Promise<string | null>
  write(password: string): Promise<void>
  clear(): Promise<void>
  /** Where it is kept, in words for the settings. */
  readonly where: string
}

export const PASSWORD_FILE_NAME = 'calendar-password'

/** Browser mode: a file in the data folder with mode 0600 (owner read/write only). */
export class FilePasswordStore implements PasswordStore {
  readonly #file: string
  readonly where: string

  constructor(dataDir: string) {
    this.#file = join(dataDir, PASSWORD_FILE_NAME)
    this.where = `in ${this.#file}, readable only by your user account (mode 0600)`
  }

  async read(): Promise<string | null> {
    try {
      return await readFile(this.#file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  async write(password: string): Promise<void> {
    await writeFile(this.#file, password, { mode: 0o600 })
    // writeFile's mode applies only when it creates the file.
    await chmod(this.#file, 0o600)
  }

  async clear(): Promise<void> {
    await rm(this.#file, { force: true })
  }
}

/** Keeps the password for this run only (tests, and a desktop without an OS keyring). */
export class MemoryPasswordStore implements PasswordStore {
  #password: string | null = null
  readonly where = 'in memory until the app quits'

  async read(): Promise<string | null> {
    return this.#password
  }

  async write(password: string): Promise<void> {
    this.#password = password
  }

  async clear(): Promise<void> {
    this.#password = null
  }
}
