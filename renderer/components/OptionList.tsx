import type { ReactNode } from 'react'
import './optionList.css'

/** The element id of option `index`, for the field's aria-activedescendant. */
export const optionId = (listId: string, index: number): string => `${listId}-${index}`

/**
 * Where ↓/↑ move the highlight among `count` options (round the ends; from none, to the
 * first or the last), or null for any other key or no options.
 */
export function stepOption(key: string, index: number, count: number): number | null {
  if ((key !== 'ArrowDown' && key !== 'ArrowUp') || count === 0) return null
  if (index < 0) return key === 'ArrowDown' ? 0 : count - 1
  return (index + (key === 'ArrowDown' ? 1 : -1) + count) % count
}

/**
 * The options under a text field that keeps the focus: the field names the highlighted
 * one (aria-activedescendant, `optionId`) and moves it with `stepOption`. A click picks
 * an option before the field's blur can close the list.
 */
export function OptionList<T>({
  id,
  label,
  className,
  options,
  active,
  keyOf,
  onPick,
  children,
}: {
  id: string
  label: string
  /** Where the list sits under its field. */
  className: string
  options: readonly T[]
  active: number
  keyOf(option: T): string
  onPick(index: number): void
  children(option: T): ReactNode
}) {
  return (
    <ul id={id} className={`option-list ${className}`} role="listbox" aria-label={label}>
      {options.map((option, index) => (
        <li
          key={keyOf(option)}
          id={optionId(id, index)}
          role="option"
          aria-selected={index === active}
          className={index === active ? 'option-list__option option-list__option--active' : 'option-list__option'}
          onMouseDown={(event) => {
            event.preventDefault()
            onPick(index)
          }}
        >
          {children(option)}
        </li>
      ))}
    </ul>
  )
}
