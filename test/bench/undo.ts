import { completeFollowUp } from '../../electron/core/commands'
import { emptyData } from '../../electron/core/schema'
import { UndoStack } from '../../electron/service/undo'
import { makeFollowUp } from '../fixtures/followUps'

/**
 * What undo costs next to the command it undoes, at 10k follow-ups: the command
 * itself (Mark done) is the baseline, measured interleaved with recording the
 * action on the undo stack and with undoing it, in the same process. Goal: both
 * cost the change, not the file — at most a small multiple of the command.
 */

const SIZE = 10_000
const ROUNDS = 300

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]

export async function benchUndo(): Promise<string[]> {
  const data = { ...emptyData(), followUps: Array.from({ length: SIZE }, (_, i) => makeFollowUp(i)) }
  const open = data.followUps.filter((f) => f.completedAt === undefined).map((f) => f.id)
  const now = new Date('2025-02-01T10:00:00Z')
  const stack = new UndoStack()
  const command: number[] = []
  const record: number[] = []
  const undo: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const id = open[round % open.length]
    const t0 = performance.now()
    const next = completeFollowUp(data, id, now)
    const t1 = performance.now()
    stack.record('Mark done', data, next)
    const t2 = performance.now()
    stack.undo(next, now)
    const t3 = performance.now()
    command.push(t1 - t0)
    record.push(t2 - t1)
    undo.push(t3 - t2)
  }
  const base = median(command)
  return [
    `Undo at ${SIZE} follow-ups (median of ${ROUNDS}, against Mark done itself = 1.00):`,
    `  record on the undo stack  ${(median(record) / base).toFixed(2)}×`,
    `  undo                      ${(median(undo) / base).toFixed(2)}×`,
  ]
}
