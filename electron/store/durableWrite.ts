import { randomBytes } from 'node:crypto'
import { open, readdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * Replaces `file` with `text` so that after a crash or power loss the file holds
 * either the old or the new contents, never a mix. steno (lowdb's writer) does the
 * rename but no fsync, so on power loss the renamed file can be empty; hence this.
 */
export async function writeFileDurably(file: string, text: string): Promise<void> {
  const dir = dirname(file)
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(temp, 'w')
  try {
    await handle.writeFile(text, 'utf8')
    await handle.sync()
  } catch (error) {
    await handle.close().catch(() => {})
    await rm(temp, { force: true })
    throw error
  }
  await handle.close()
  try {
    await rename(temp, file)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  await syncDirectory(dir)
}

/**
 * Deletes temp files that a writer killed mid-write left beside `file` (each can be
 * as large as the data). Call only while holding the folder lock: no live writer then.
 */
export async function removeLeftoverTempFiles(file: string): Promise<void> {
  const prefix = `.${basename(file)}.`
  const names = await readdir(dirname(file)).catch(() => [] as string[])
  const leftovers = names.filter((name) => name.startsWith(prefix) && /^\d+\.[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length)))
  await Promise.all(leftovers.map((name) => rm(join(dirname(file), name), { force: true })))
}

/** Makes the rename itself durable. Windows cannot open a folder for fsync; NTFS journals renames. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
