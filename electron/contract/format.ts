/**
 * The locale-aware formatters, for the board: the same functions core and the
 * service use for notifications, the tray, drafts and exports, so a date reads the
 * same everywhere. Kept out of index.ts so the sandboxed preload does not bundle them.
 */
export * from '../core/localeFormat'
