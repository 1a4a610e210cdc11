import { defineConfig } from 'vite'

/**
 * Browser mode's server (`npm run web` runs out/web/cli.js). The pure libraries it uses are
 * bundled, so Node loads only the functions the app calls rather than each library whole
 * (date-fns alone is some 250 modules): the idle server holds about 17 MB less. Libraries that
 * find files next to themselves (node-notifier's vendor binaries), set up their own loading
 * (tsdav's fetch, rrule's UMD build) or serve files (sirv) stay external.
 */
export default defineConfig({
  logLevel: 'warn',
  build: { ssr: 'electron/web/cli.ts', outDir: 'out/web', emptyOutDir: true },
  ssr: { noExternal: ['chrono-node', 'country-to-currency', 'date-fns', 'ical.js', 'papaparse', 'timezones-ical-library', 'zod'] },
})
