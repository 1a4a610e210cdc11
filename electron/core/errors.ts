/** Machine-readable reasons a command was refused; the message is for people. */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'read_only'
  | 'storage'
  | 'internal'

export interface AppError {
  code: ErrorCode
  message: string
  /** Per-field messages for forms, keyed by field path such as "client.name". */
  fields?: Record<string, string>
}

/** Thrown by core and service; crosses the API boundary as a plain AppError value. */
export class DomainError extends Error {
  readonly code: ErrorCode
  readonly fields?: Record<string, string>

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message)
    this.name = 'DomainError'
    this.code = code
    this.fields = fields
  }

  toValue(): AppError {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message }
  }
}
