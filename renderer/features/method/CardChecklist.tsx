import { useEffect, useState } from 'react'
import type { Card } from '../../../electron/contract'
import { api } from '../../lib/api'

/**
 * A card's checklist: each box is labelled by its text; ticking it tells the service.
 * A tick shows at once and is replaced by the service's answer when the next board arrives.
 */
export function CardChecklist({ card, onError }: { card: Pick<Card, 'id' | 'checklist'>; onError?(message: string): void }) {
  const [ticked, setTicked] = useState<Record<string, boolean>>({})
  useEffect(() => setTicked({}), [card.checklist])
  if (card.checklist.length === 0) return null
  const isDone = (item: Card['checklist'][number]) => ticked[item.id] ?? item.done
  const done = card.checklist.filter(isDone).length
  const toggle = async (itemId: string, checked: boolean) => {
    setTicked((current) => ({ ...current, [itemId]: checked }))
    const result = await api.setChecklistItem({ id: card.id, itemId, done: checked })
    if (!result.ok) {
      setTicked((current) => ({ ...current, [itemId]: !checked }))
      onError?.(result.error.message)
    }
  }
  return (
    <div className="card__checklist">
      <p className="card__checklist-progress">
        {done}/{card.checklist.length} done
      </p>
      <ul>
        {card.checklist.map((item) => (
          <li key={item.id}>
            <label className={isDone(item) ? 'card__checklist-item card__checklist-item--done' : 'card__checklist-item'}>
              <input type="checkbox" checked={isDone(item)} onChange={(e) => void toggle(item.id, e.target.checked)} /> {item.text}
            </label>
          </li>
        ))}
      </ul>
    </div>
  )
}
