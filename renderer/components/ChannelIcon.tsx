import type { Channel } from '../../electron/contract'

/**
 * Each channel drawn in one path on a 24-unit grid (a font may lack a symbol's glyph, an emoji above all).
 * Inline, in the text's colour: CSS mask images would each load an SVG document of their own, which
 * doubled the board's first layout.
 */
const PATHS: Record<Channel, string> = {
  phone: 'M6 3h3l2 5-2.5 1.5a12 12 0 0 0 6 6L16 13l5 2v3a3 3 0 0 1-3 3A15 15 0 0 1 3 6a3 3 0 0 1 3-3z',
  email: 'M5 5h14a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2zM3 7l9 6 9-6',
  'in-person': 'M5.5 8a3.5 3.5 0 1 0 7 0a3.5 3.5 0 1 0-7 0M2.5 20a6.5 6.5 0 0 1 13 0M14.5 9a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0-5 0M17.5 14a4.5 4.5 0 0 1 4 4.5',
  other: 'M10 12a2 2 0 1 0 4 0a2 2 0 1 0-4 0',
}

/** A follow-up's channel as an image named after it ("Phone", "In person"). */
export function ChannelIcon({ channel, label }: { channel: Channel; label: string }) {
  return (
    <svg className={`channel-icon channel-icon--${channel}`} viewBox="0 0 24 24" role="img" aria-label={label}>
      <path d={PATHS[channel]} />
    </svg>
  )
}
