import { Modal } from '../../components/Modal'

/** Every keyboard shortcut of the board, in the order a person meets them. */
export const SHORTCUTS: { keys: string[]; does: string }[] = [
  { keys: ['/', 'Ctrl+N'], does: 'Go to Quick add' },
  { keys: ['↑', '↓', 'j', 'k'], does: 'Previous or next card in the column' },
  { keys: ['←', '→'], does: 'The card beside it in the next column' },
  { keys: ['Enter'], does: 'Open the card’s details and history' },
  { keys: ['d'], does: 'Mark done' },
  { keys: ['s'], does: 'Snooze' },
  { keys: ['e'], does: 'Edit' },
  { keys: ['h'], does: 'Send heads-up (a card past its target or overdue)' },
  { keys: ['Delete'], does: 'Delete (Undo in the message that follows)' },
  { keys: ['Menu', 'Shift+F10'], does: 'All actions for the card' },
  { keys: ['Space'], does: 'On a card’s ⠿ handle: pick it up; ←/→ choose a column, Space drops, Escape cancels' },
  { keys: ['?'], does: 'This list' },
]

/** The `?` sheet. One component, so the desktop Help menu can open the same list. */
export function ShortcutSheet({ onClose }: { onClose(): void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.does}>
              <td>
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && ' '}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{shortcut.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form__actions">
        <button onClick={onClose}>Close</button>
      </div>
    </Modal>
  )
}

/** True when a key press is typing into a field, not a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName))
}
