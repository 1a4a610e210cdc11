import { join } from 'node:path'
import { format } from 'date-fns'
import { decodeDataFile, type Decoded } from './decode'
import { errorCode, nodeFs, type StoreFs } from './fsLayer'

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
export async function backUpBeforeReplace(file: string, dataDir: string, now: Date, fs: StoreFs = nodeFs): Promise<void> {
  const dir = join(dataDir, BACKUP_DIR_NAME)
  await fs.mkdir(dir, { recursive: true })
  const name = backupName(now)
  const target = join(dir, name)
  await fs.rm(target, { force: true })
  try {
    await fs.link(file, target)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return
    await fs.copyFile(file, target)
  }
  await pruneBackups(fs, dir, name)
}

async function listBackups(fs: StoreFs, dir: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[])
  return names.filter((name) => BACKUP_NAME.test(name)).sort().reverse()
}

/**
 * Keeps today's backup and the newest BACKUPS_KEPT - 1 days before it, and every
 * backup dated after today. Backups "from the future" were written while the
 * clock was ahead (or it is behind now): the dates cannot tell which is really
 * older, so none of them is deleted as old, and neither is the one just written.
 * They are pruned like any other once the clock passes their day.
 */
async function pruneBackups(fs: StoreFs, dir: string, today: string): Promise<void> {
  const past = (await listBackups(fs, dir)).filter((name) => name < today)
  await Promise.all(past.slice(BACKUPS_KEPT - 1).map((name) => fs.rm(join(dir, name), { force: true })))
}

export interface ValidBackup {
  path: string
  text: string
  decoded: Extract<Decoded, { ok: true }>
}

/** The newest backup that opens cleanly, or null. */
export async function newestValidBackup(dataDir: string, fs: StoreFs = nodeFs): Promise<ValidBackup | null> {
  const dir = join(dataDir, BACKUP_DIR_NAME)
  for (const name of await listBackups(fs, dir)) {
    const path = join(dir, name)
    const text = await fs.readFile(path, 'utf8').catch(() => '')
    const decoded = decodeDataFile(text)
    if (decoded.ok) return { path, text, decoded }
  }
  return null
}
