export type Density = 'comfortable' | 'compact'

/**
 * A card's height before it is measured, per density. Cards without a checklist or an
 * open menu are exactly this tall (styles.css fixes it), so a column knows its full
 * height from its count and can jump to any position without measuring what lies between.
 */
export const CARD_HEIGHT: Record<Density, number> = { compact: 62, comfortable: 118 }
/** Space between cards, px. */
export const CARD_GAP = 6
/** The density until Settings are read (and Settings' own default). */
export const DEFAULT_DENSITY: Density = 'compact'
