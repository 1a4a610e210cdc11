import * as fsPromises from 'node:fs/promises'

/**
 * The file-system calls the store makes, passed in so tests can watch them (is
 * every acknowledged write followed by an fsync?) or make the disk refuse
 * (full, read-only) without needing a real faulty disk.
 */
export type StoreFs = Pick<
  typeof fsPromises,
  'open' | 'readFile' | 'writeFile' | 'rename' | 'link' | 'rm' | 'mkdir' | 'readdir' | 'stat' | 'copyFile'
>

export const nodeFs: StoreFs = fsPromises

export const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code

/** Makes a rename or a new file itself durable. Windows cannot open a folder for fsync; NTFS journals renames. */
export async function syncDirectory(fs: StoreFs, dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fs.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
