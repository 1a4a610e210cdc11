import type { DataChange } from '../../../electron/core/dataDiff'
import { emptyData, type Data } from '../../../electron/core/schema'
import type { ServiceStore } from '../../../electron/service/service'

/** A store in memory: what the service needs, with every change recorded (tests of views and ticks). */
export class MemoryStore implements ServiceStore {
  data: Data
  readOnly = false
  readonly notices: string[] = []
  readonly changes: DataChange[] = []

  constructor(data: Data = emptyData()) {
    this.data = data
  }

  update(next: Data, change?: DataChange): Promise<void> {
    this.data = next
    if (change) this.changes.push(change)
    return Promise.resolve()
  }

  assertWritable(): void {}

  onWriteError(): () => void {
    return () => {}
  }

  onNotice(): () => void {
    return () => {}
  }

  async close(): Promise<void> {}
}
