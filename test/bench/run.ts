import { benchBoard } from './board'
import { benchCalDav } from './caldav'
import { benchNotifications } from './notifications'
import { benchStore } from './store'

/** Each benchmark prints its own table; all report medians and ratios, never one absolute time. */
const benches: [string, () => Promise<string[]>][] = [
  ['store', benchStore],
  ['board', benchBoard],
  ['notifications', benchNotifications],
  ['caldav', benchCalDav],
]

const only = process.argv.slice(2)
for (const [name, bench] of benches) {
  if (only.length > 0 && !only.includes(name)) continue
  for (const line of await bench()) console.log(line)
  console.log()
}
