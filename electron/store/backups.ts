import { copyFile, link, mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { format } from 'date-fns'
import { decodeDataFile, type Decoded } from './decode'

export const BACKUP_DIR_NAME = 'backups'
export const BACKUPS_KEPT = 5
const BACKUP_NAME = /^follow-through\.backup-(\d{4}-\d{2}-\d{2})\.json$/

export function backupName(day: Date): string {
  return `follow-through.backup-${format(day, 'yyyy-MM-dd')}.json`
}

/**
 * Keeps the file's current contents as today's backup before it is replaced,
 * so each day's backup holds that day's last state but one. A hard link costs
 * no copy; where links are unsupported the file is copied.
 */
export async function backUpBeforeReplace(file: string, dataDir: string, now: Date): Promise<void> {
  const dir = join(dataDir, BACKUP_DIR_NAME)
  await mkdir(dir, { recursive: true })
  const target = join(dir, backupName(now))
  await rm(target, { force: true })
  try {
    await link(file, target)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    await copyFile(file, target)
  }
  await pruneBackups(dir)
}

async function listBackups(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  return names.filter((name) => BACKUP_NAME.test(name)).sort().reverse()
}

async function pruneBackups(dir: string): Promise<void> {
  const names = await listBackups(dir)
  await Promise.all(names.slice(BACKUPS_KEPT).map((name) => rm(join(dir, name), { force: true })))
}

export interface ValidBackup {
  path: string
  text: string
  decoded: Extract<Decoded, { ok: true }>
}

/** The newest backup that opens cleanly, or null. */
export async function newestValidBackup(dataDir: string): Promise<ValidBackup | null> {
  const dir = join(dataDir, BACKUP_DIR_NAME)
  for (const name of await listBackups(dir)) {
    const path = join(dir, name)
    const text = await readFile(path, 'utf8').catch(() => '')
    const decoded = decodeDataFile(text)
    if (decoded.ok) return { path, text, decoded }
  }
  return null
}
