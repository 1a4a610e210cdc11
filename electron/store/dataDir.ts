import { homedir } from 'node:os'
import { join } from 'node:path'

export const DATA_DIR_ENV = 'FOLLOW_THROUGH_DATA_DIR'
export const APP_FOLDER_NAME = 'Follow Through'

/**
 * Where the data lives: FOLLOW_THROUGH_DATA_DIR if set, else the folder Electron
 * calls userData (passed in by the desktop shell; computed the same way here for
 * browser mode, so both shells share one file by default).
 */
export function resolveDataDir(env: NodeJS.ProcessEnv, userDataDir?: string): string {
  const fromEnv = env[DATA_DIR_ENV]?.trim()
  if (fromEnv) return fromEnv
  if (userDataDir) return userDataDir
  switch (process.platform) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME)
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', APP_FOLDER_NAME)
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER_NAME)
  }
}
