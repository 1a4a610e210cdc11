import { benchBoard } from './board'
import { benchBoardService } from './boardService'
import { benchCalDav } from './caldav'
import { benchNotifications } from './notifications'
import { benchQuickAdd } from './quickAdd'
import { benchStore } from './store'
import { benchUndo } from './undo'

/** Each benchmark prints its own table; all report medians and ratios, never one absolute time. */
const benches: [string, () => Promise<string[]>][] = [
  ['store', benchStore],
  ['board', benchBoard],
  ['board-service', benchBoardService],
  ['notifications', benchNotifications],
  ['quickAdd', benchQuickAdd],
  ['undo', benchUndo],
  ['caldav', benchCalDav],
]

const only = process.argv.slice(2)
for (const [name, bench] of benches) {
  if (only.length > 0 && !only.includes(name)) continue
  for (const line of await bench()) console.log(line)
  console.log()
}
