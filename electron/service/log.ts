import log from 'electron-log/node'

/** Rotation: past this size the log becomes `<name>.old.log` and a new one starts (electron-log keeps one old file). */
export const LOG_MAX_BYTES = 1024 * 1024

const SECRETS: [RegExp, string][] = [
  // Browser mode's access token in its URL, a cookie or a header.
  [/([?&#]token=)[^&\s"'#]+/gi, '$1[redacted]'],
  [/(authorization["']?\s*[:=]\s*["']?)(?:bearer|basic)?\s*[^\s"',}]+/gi, '$1[redacted]'],
  [/((?:password|passwd|secret|token|apiKey|api_key)["']?\s*[:=]\s*["']?)[^\s"',}&]+/gi, '$1[redacted]'],
  // Credentials inside a URL (a CalDAV server's https://user:password@host/).
  [/(\/\/[^/\s:@]+:)[^@\s/]+@/g, '$1[redacted]@'],
]

/** The text with tokens, passwords and URL credentials replaced by "[redacted]". */
export function redactSecrets(text: string): string {
  return SECRETS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text)
}

const redactValue = (value: unknown): unknown => {
  if (typeof value === 'string') return redactSecrets(value)
  if (value instanceof Error) return redactSecrets(value.stack ?? value.message)
  if (value !== null && typeof value === 'object') {
    try {
      return redactSecrets(JSON.stringify(value))
    } catch {
      return '[unprintable]'
    }
  }
  return value
}

type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug'
const LEVELS: ConsoleLevel[] = ['log', 'info', 'warn', 'error', 'debug']

/**
 * A log a person can send: everything the app writes to the console also goes to
 * `file`, rotated at LOG_MAX_BYTES, with secrets redacted in the file. The console
 * itself prints exactly as before (browser mode's first line is a contract).
 * electron-log's Node entry, also in the desktop app: its Electron entry registers
 * an IPC handler of its own, and the page may reach only the contract.
 */
export function startFileLog(file: string): { file: string } {
  log.transports.file.resolvePathFn = () => file
  log.transports.file.maxSize = LOG_MAX_BYTES
  log.transports.file.level = 'info'
  log.transports.console.level = false
  log.hooks.push((message) => ({ ...message, data: message.data.map(redactValue) }))
  for (const level of LEVELS) {
    const print = console[level].bind(console)
    const write = level === 'log' ? log.info : log[level]
    console[level] = (...args: unknown[]) => {
      print(...args)
      write(...args)
    }
  }
  return { file }
}
