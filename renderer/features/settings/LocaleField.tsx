import { formatDayTime, formatMoney, resolveLocale } from '../../../electron/contract/format'
import { Field } from '../../components/Field'
import { systemLocale } from '../../lib/locale'

/** Locales people most often pick; Intl writes each one's name and formats. */
const LOCALES = ['en-US', 'en-GB', 'en-CA', 'en-AU', 'en-IE', 'en-IN', 'de-DE', 'de-AT', 'de-CH', 'fr-FR', 'fr-CA', 'es-ES', 'es-MX', 'it-IT', 'nl-NL', 'pt-BR', 'sv-SE', 'da-DK', 'nb-NO', 'fi-FI', 'pl-PL', 'ja-JP']

/** A sample of how dates and amounts will read: "Fri, Nov 27, 4:30 PM · $2,500.00". */
const SAMPLE = new Date(2026, 10, 27, 16, 30)
const sample = (locale: string) => `${formatDayTime(SAMPLE, locale, SAMPLE)} · ${formatMoney(2500, 'USD', locale)}`

/** Settings' locale override: "System" (the OS or browser's) or one chosen here. */
export function LocaleField({ value, onChange, error }: { value: string | undefined; onChange(locale: string | undefined): void; error?: string }) {
  const system = resolveLocale(undefined, systemLocale())
  const names = new Intl.DisplayNames([system], { type: 'language' })
  const options = value && !LOCALES.includes(value) ? [value, ...LOCALES] : LOCALES
  return (
    <>
      <Field label="Dates, times and amounts" error={error}>
        <select value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
          <option value="">System ({names.of(system) ?? system})</option>
          {options.map((locale) => (
            <option key={locale} value={locale}>
              {names.of(locale) ?? locale}
            </option>
          ))}
        </select>
      </Field>
      <p className="form__hint">For example: {sample(resolveLocale(value, system))}</p>
    </>
  )
}
