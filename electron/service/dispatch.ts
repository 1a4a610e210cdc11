import { z } from 'zod'
import { contract, type Handlers, type MethodName, type Output, type Result } from '../contract'
import { DomainError, type AppError } from '../core/errors'

export function invalidInput(error: z.ZodError): AppError {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'input'
    fields[key] ??= issue.message
  }
  const [first] = error.issues
  const where = first.path.length > 0 ? `${first.path.join('.')}: ` : ''
  return { code: 'invalid_input', message: `${where}${first.message}`, fields }
}

/**
 * Validates what crossed a transport. zod can throw on inputs that are not JSON
 * (an object without a prototype given as a string's `length` makes its length check
 * convert it to a number), so a throw is a refusal too, never an internal error.
 */
export function validateInput<T>(schema: z.ZodType<T>, raw: unknown): Result<T> {
  try {
    const parsed = schema.safeParse(raw)
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: invalidInput(parsed.error) }
  } catch {
    return { ok: false, error: { code: 'invalid_input', message: 'The request could not be read: it is not plain data.' } }
  }
}

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name)

/**
 * The one entry point for both transports: validates the raw input against the
 * contract, runs the handler, and turns every failure into an error value. Typed
 * by method name, so a renamed method is a compile error at every caller.
 */
export async function dispatch<M extends MethodName>(handlers: Handlers, method: M, raw: unknown): Promise<Result<Output<M>>> {
  // Also at run time: a build that skipped the type check can still call a renamed method.
  if (!isMethodName(method)) return { ok: false, error: { code: 'invalid_input', message: `Unknown method “${method}”.` } }
  const input = validateInput<unknown>(contract[method].input, raw)
  if (!input.ok) return input
  try {
    const handler = handlers[method] as (input: unknown) => Output<M> | Promise<Output<M>>
    return { ok: true, value: await handler(input.value) }
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error: error.toValue() }
    if (error instanceof z.ZodError) return { ok: false, error: invalidInput(error) }
    console.error(`Follow Through: ${method} failed`, error)
    return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Follow Through. Your data is safe; please try again.' } }
  }
}

/** The HTTP edge's form: the method arrives as text in the URL, so an unknown name is an error value. */
export const dispatchByName = (handlers: Handlers, method: string, raw: unknown): Promise<Result<unknown>> => dispatch(handlers, method as MethodName, raw)
