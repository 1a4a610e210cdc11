import type { Card } from '../../../electron/contract'
import { api } from '../../lib/api'

/** A card's checklist: each box is labelled by its text; ticking it tells the service. */
export function CardChecklist({ card, onError }: { card: Card; onError?(message: string): void }) {
  if (card.checklist.length === 0) return null
  const done = card.checklist.filter((item) => item.done).length
  const toggle = async (itemId: string, checked: boolean) => {
    const result = await api.setChecklistItem({ id: card.id, itemId, done: checked })
    if (!result.ok) onError?.(result.error.message)
  }
  return (
    <div className="card__checklist">
      <p className="card__checklist-progress">
        {done}/{card.checklist.length} done
      </p>
      <ul>
        {card.checklist.map((item) => (
          <li key={item.id}>
            <label className={item.done ? 'card__checklist-item card__checklist-item--done' : 'card__checklist-item'}>
              <input type="checkbox" checked={item.done} onChange={(e) => void toggle(item.id, e.target.checked)} /> {item.text}
            </label>
          </li>
        ))}
      </ul>
    </div>
  )
}
