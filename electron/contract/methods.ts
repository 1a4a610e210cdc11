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
  'parseDate',
  'suggestClients',
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
  'checkCsv',
  'importCsv',
  'exportIcs',
  'bulk',
  'dismissAway',
  'startSequence',
  'getFollowUp',
  'listClients',
  'updateView',
  'resyncView',
  'closeView',
  'undo',
  'redo',
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
/** IPC: the page opens a view here (invoke); its snapshot and deltas come back on VIEW_CHANNEL as JSON text. */
export const OPEN_VIEW_CHANNEL = 'follow-through:openView'
export const VIEW_CHANNEL = 'follow-through:view'
/** HTTP: GET `api/view?viewId=…&query=<json>&ranges=<json>&token=…` is the view's event stream ("view" events). */
export const VIEW_STREAM_PATH = 'api/view'

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
 * open a card (a notification or the tray was clicked), focus quick add (the
 * global shortcut or the tray), show the keyboard shortcuts (Help menu; the same
 * sheet `?` opens), or open one of the board's dialogs from the menu bar.
 */
export type ShellCommand =
  | { type: 'focusCard'; id: string }
  | { type: 'focusQuickAdd' }
  | { type: 'showShortcuts' }
  | { type: 'openDialog'; dialog: 'settings' | 'transfer' | 'scorecard' }

export const SHELL_COMMAND_CHANNEL = 'follow-through:shell-command'

/**
 * How the desktop page learns the OS locale that dates and numbers follow: Electron's
 * navigator.language is the app's UI language, which can differ (English menus, German
 * dates). Main passes app.getSystemLocale() as this argument; the preload reads it.
 */
export const SYSTEM_LOCALE_ARG = '--follow-through-system-locale='
