import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import { nodeFs, syncDirectory, type StoreFs } from './fsLayer'

/** FileHandle.writeFile also takes an iterable, writing its pieces in turn (Node ≥ 15.14); @types/node lists only string and bytes. */
type WritePieces = (data: string | readonly string[], encoding: BufferEncoding) => Promise<void>

/**
 * Replaces `file` with `text` so that after a crash or power loss the file holds
 * either the old or the new contents, never a mix. steno (lowdb's writer) does the
 * rename but no fsync, so on power loss the renamed file can be empty; hence this.
 * `text` may come in pieces: each is encoded and written in turn, never all at once.
 */
export async function writeFileDurably(file: string, text: string | readonly string[], fs: StoreFs = nodeFs): Promise<void> {
  const dir = dirname(file)
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await fs.open(temp, 'w')
  try {
    await (handle.writeFile as WritePieces).call(handle, text, 'utf8')
    await handle.sync()
  } catch (error) {
    await handle.close().catch(() => {})
    await fs.rm(temp, { force: true })
    throw error
  }
  await handle.close()
  try {
    await fs.rename(temp, file)
  } catch (error) {
    await fs.rm(temp, { force: true })
    throw error
  }
  await syncDirectory(fs, dir)
}

/**
 * Deletes temp files that a writer killed mid-write left beside `file` (each can be
 * as large as the data). Call only while holding the folder lock: no live writer then.
 */
export async function removeLeftoverTempFiles(file: string, fs: StoreFs = nodeFs): Promise<void> {
  const prefix = `.${basename(file)}.`
  const names = await fs.readdir(dirname(file)).catch(() => [] as string[])
  const leftovers = names.filter((name) => name.startsWith(prefix) && /^\d+\.[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length)))
  await Promise.all(leftovers.map((name) => fs.rm(join(dirname(file), name), { force: true })))
}
