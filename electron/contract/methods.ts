/**
 * The API's method names and channels, free of dependencies so the sandboxed
 * preload can bundle them without pulling in zod.
 */
export const METHOD_NAMES = [
  'getBoard',
  'dismissNotice',
  'getSettings',
  'updateSettings',
  'parseQuickAdd',
  'quickAdd',
  'create',
  'update',
  'complete',
  'draftHeadsUp',
  'sendHeadsUp',
  'addChecklistItem',
  'setChecklistItem',
  'removeChecklistItem',
  'reopen',
  'snooze',
  'reschedule',
  'planForToday',
  'remove',
  'undoRemove',
  'getScorecard',
  'exportScorecardCsv',
  'checkCadence',
  'logContact',
  'exportData',
  'importData',
  'previewCsv',
  'importCsv',
  'exportIcs',
  'bulk',
  'dismissAway',
  'startSequence',
  'getSyncSettings',
  'saveSyncSettings',
  'testSyncConnection',
  'listSyncCollections',
  'createSyncCollection',
  'syncNow',
  'getSyncStatus',
  'resolveSyncFlag',
] as const

export type MethodName = (typeof METHOD_NAMES)[number]

export const ipcChannel = (method: MethodName) => `follow-through:${method}`
export const BOARD_CHANGED_CHANNEL = 'follow-through:board-changed'

/**
 * Builds an object with exactly the contract's methods, each forwarding to one
 * transport call. Used by the preload (IPC) and the browser client (HTTP) so
 * neither offers a generic "invoke any channel".
 */
export function apiFromTransport<Api>(call: (method: MethodName, input: unknown) => Promise<unknown>): Api {
  return Object.fromEntries(METHOD_NAMES.map((method) => [method, (input: unknown) => call(method, input)])) as Api
}

/**
 * What the desktop shell asks of the page after showing the window: scroll to and
 * open a card (a notification or the tray was clicked), or focus quick add (the
 * global shortcut or the tray).
 */
export type ShellCommand = { type: 'focusCard'; id: string } | { type: 'focusQuickAdd' }

export const SHELL_COMMAND_CHANNEL = 'follow-through:shell-command'
