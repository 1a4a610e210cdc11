import { errorCode } from './fsLayer'

const WHAT_TO_DO: Record<string, string> = {
  ENOSPC: 'the disk is full. Free some space on it, then restart Follow Through',
  EDQUOT: 'your disk quota is used up. Free some space, then restart Follow Through',
  EROFS: 'the disk is read-only. Make it writable (or choose another data folder), then restart Follow Through',
  EACCES: 'you are not allowed to write there. Give yourself write access to the folder (or choose another data folder), then restart Follow Through',
  EPERM: 'you are not allowed to write there. Give yourself write access to the folder (or choose another data folder), then restart Follow Through',
}

/**
 * When opening fails because the disk refuses writes, the words to show instead
 * of a raw error code; null for any other failure. The data is then shown
 * read-only rather than not at all.
 */
export function diskRefusal(error: unknown, dataDir: string): string | null {
  const code = errorCode(error)
  const what = code === undefined ? undefined : WHAT_TO_DO[code]
  if (!what) return null
  return `Follow Through cannot save in ${dataDir}: ${what}. Until then your follow-ups are shown read-only.`
}
