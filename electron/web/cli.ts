import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { settleMemoryAfterOpen } from '../service/collectGarbage'
import { startFileLog } from '../service/log'
import { FollowThroughService } from '../service/service'
import { resolveDataDir } from '../store/dataDir'
import { Store } from '../store/store'
import { createNodeNotifier } from '../notify/nodeNotifier'
import { ensureRendererBuilt } from './build'
import { startWebServer } from './server'
import { FilePasswordStore } from '../service/sync/passwords'

const USAGE = 'Usage: npm run web -- [--data-dir DIR] [--port N] [--no-notifications]'

function parseOptions() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      'no-notifications': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535. ${USAGE}`)
  const dataDir = values['data-dir'] ?? resolveDataDir(process.env)
  return { port, dataDir, notifications: !values['no-notifications'] }
}

async function main(): Promise<void> {
  const options = parseOptions()
  startFileLog(join(options.dataDir, 'follow-through.log'))
  const staticDir = await ensureRendererBuilt()
  const store = await Store.open({ dataDir: options.dataDir, app: 'browser mode' })
  const service = new FollowThroughService({
    store,
    notifier: options.notifications ? createNodeNotifier() : undefined,
    sync: { passwords: new FilePasswordStore(options.dataDir) },
  })
  for (const notice of store.notices) console.warn(`Follow Through: ${notice}`)
  const server = await startWebServer({ service, staticDir, port: options.port })
  service.start()
  console.log(`Follow Through web: ${server.url}`)
  // Now, not at some later collection: repeated strings shared, the open's leftovers (file text, parse copies) freed.
  void settleMemoryAfterOpen(store.data)

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await server.close()
    try {
      await service.stop()
      process.exit(0)
    } catch (error) {
      console.error(`Follow Through: ${(error as Error).message}`)
      process.exit(1)
    }
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(`Follow Through: ${(error as Error).message}`)
  process.exit(1)
})
