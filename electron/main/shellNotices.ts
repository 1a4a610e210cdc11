/**
 * Messages from the desktop shell itself (notifications unavailable, shortcut
 * taken) shown as banners with the board's own notices (the shell hands the list
 * to service.setShellNotices). Keyed, so a repeated problem replaces its message
 * instead of piling up.
 */
export class ShellNotices {
  readonly #messages = new Map<string, string>()
  readonly #listeners = new Set<() => void>()

  set(key: string, message: string): void {
    if (this.#messages.get(key) === message) return
    this.#messages.set(key, message)
    this.#changed()
  }

  clear(key: string): void {
    if (this.#messages.delete(key)) this.#changed()
  }

  /** Removes a message the person dismissed; true if it was one of the shell's. */
  dismiss(message: string): boolean {
    for (const [key, value] of this.#messages) if (value === message) return this.#messages.delete(key) && (this.#changed(), true)
    return false
  }

  list(): string[] {
    return [...this.#messages.values()]
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  #changed(): void {
    for (const listener of this.#listeners) listener()
  }
}
