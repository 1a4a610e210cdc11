import { readFileSync } from 'node:fs'

/** One file-system call from an `strace -f` log, with file descriptors resolved to the paths they were opened on. */
export type Syscall =
  | { call: 'open'; path: string; fd: number }
  | { call: 'fsync'; path: string }
  | { call: 'rename'; from: string; to: string }

const LINE = /^(\d+)\s+(.*)$/
const UNFINISHED = / <unfinished \.\.\.>$/
const RESUMED = /^<\.\.\. (\w+) resumed>(.*)$/
const RENAME = /^rename\("((?:[^"\\]|\\.)*)", "((?:[^"\\]|\\.)*)"/
const RENAMEAT = /^renameat2?\([^,]+, "((?:[^"\\]|\\.)*)", [^,]+, "((?:[^"\\]|\\.)*)"/

/**
 * Reads what the app asked of the file system, in the order the calls completed.
 * Hand-written: strace's output has no parser on npm worth a dependency, and only
 * four calls matter here.
 */
export function readSyscalls(file: string): Syscall[] {
  const pending = new Map<string, string>()
  const fds = new Map<number, string>()
  const calls: Syscall[] = []
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const match = LINE.exec(raw)
    if (!match) continue
    const [, pid, rest] = match
    if (UNFINISHED.test(rest)) {
      pending.set(pid, rest.replace(UNFINISHED, ''))
      continue
    }
    const resumed = RESUMED.exec(rest)
    const text = resumed ? `${pending.get(pid) ?? `${resumed[1]}(`}${resumed[2]}` : rest
    if (resumed) pending.delete(pid)
    const result = Number(/= (-?\d+)/.exec(text.slice(text.lastIndexOf(')')))?.[1] ?? -1)
    if (result < 0) continue
    let m: RegExpExecArray | null
    if ((m = /^openat\([^,]+, "((?:[^"\\]|\\.)*)"/.exec(text))) {
      fds.set(result, m[1])
      calls.push({ call: 'open', path: m[1], fd: result })
    } else if ((m = /^f(?:data)?sync\((\d+)/.exec(text))) {
      calls.push({ call: 'fsync', path: fds.get(Number(m[1])) ?? `fd ${m[1]}` })
    } else if ((m = RENAME.exec(text) ?? RENAMEAT.exec(text))) {
      calls.push({ call: 'rename', from: m[1], to: m[2] })
    } else if ((m = /^close\((\d+)/.exec(text))) {
      fds.delete(Number(m[1]))
    }
  }
  return calls
}
