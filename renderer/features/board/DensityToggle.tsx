import type { Density } from './density'

/** Comfortable cards show the buffer, value and repeats; compact ones fit twice as many in a column. */
export function DensityToggle({ density, onChange }: { density: Density; onChange(next: Density): void }) {
  return (
    <div className="density" role="group" aria-label="Card density">
      {(['compact', 'comfortable'] as const).map((choice) => (
        <button key={choice} aria-pressed={density === choice} onClick={() => onChange(choice)}>
          {choice === 'compact' ? 'Compact' : 'Comfortable'}
        </button>
      ))}
    </div>
  )
}
