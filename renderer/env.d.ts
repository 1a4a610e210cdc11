import type { Bridge } from '../electron/contract'

declare global {
  interface Window {
    /** Present in the desktop app (exposed by the preload); absent in browser mode. */
    api?: Bridge
  }
}
