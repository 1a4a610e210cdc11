/**
 * What the desktop shell asks of the page after showing the window: scroll to and
 * open a card (a notification or the tray was clicked), or focus quick add (the
 * global shortcut or the tray). Dependency-free so the preload can bundle it.
 */
export type ShellCommand = { type: 'focusCard'; id: string } | { type: 'focusQuickAdd' }

export const SHELL_COMMAND_CHANNEL = 'follow-through:shell-command'
