import type { Settings } from '../../../electron/contract'

type Sequence = Settings['sequences']['won']
type Step = Sequence['steps'][number]

const KIND_NAMES: Record<Step['kind'], string> = {
  promise: 'Promise',
  'check-in': 'Check-in',
  'thank-you': 'Thank-you',
  'confirmation-call': 'Confirmation call',
}

/** The steps one after-sale button plans; `{client}` in a title becomes the client's name. */
export function SequenceEditor({ sequence, onChange }: { sequence: Sequence; onChange(next: Sequence): void }) {
  const setStep = (index: number, patch: Partial<Step>) =>
    onChange({ ...sequence, steps: sequence.steps.map((step, i) => (i === index ? { ...step, ...patch } : step)) })
  return (
    <fieldset className="sequence">
      <legend>“{sequence.name}” plans</legend>
      {sequence.steps.length === 0 && <p className="form__hint">Nothing. Add a step below.</p>}
      {sequence.steps.map((step, index) => (
        <div className="sequence__step" key={index}>
          <select aria-label={`${sequence.name} step ${index + 1} kind`} value={step.kind} onChange={(e) => setStep(index, { kind: e.target.value as Step['kind'] })}>
            {Object.entries(KIND_NAMES).map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
          <input aria-label={`${sequence.name} step ${index + 1} title`} value={step.title} onChange={(e) => setStep(index, { title: e.target.value })} />
          <label className="sequence__days">
            after
            <input
              type="number"
              min={0}
              max={60}
              aria-label={`${sequence.name} step ${index + 1} business days after`}
              value={step.offsetBusinessDays}
              onChange={(e) => setStep(index, { offsetBusinessDays: Number(e.target.value) })}
            />
            business days
          </label>
          <button type="button" onClick={() => onChange({ ...sequence, steps: sequence.steps.filter((_, i) => i !== index) })} aria-label={`Remove ${sequence.name} step ${index + 1}`}>
            Remove
          </button>
        </div>
      ))}
      {sequence.steps.length < 10 && (
        <button type="button" onClick={() => onChange({ ...sequence, steps: [...sequence.steps, { kind: 'thank-you', title: 'Thank {client}', offsetBusinessDays: 1 }] })}>
          Add a step to “{sequence.name}”
        </button>
      )}
    </fieldset>
  )
}
