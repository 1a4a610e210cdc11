/** A form's closing row: an error summary (announced), Cancel, and the submit button. */
export function FormActions({ error, submitLabel, onCancel, busy }: { error?: string | null; submitLabel: string; onCancel(): void; busy?: boolean }) {
  return (
    <>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </>
  )
}
