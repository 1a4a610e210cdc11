/**
 * Draws the count of due and overdue follow-ups onto the tray icon (Windows and
 * Linux, where a tray has no title text). Hand-written because the only libraries
 * that draw text into images need native builds (canvas) or a browser; a 3×5 pixel
 * font scaled to the icon is all a 16–32 px badge can show anyway.
 */

const DIGITS: Record<string, string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
  '+': ['000', '010', '111', '010', '000'],
}

const BADGE_RED = [0x30, 0x30, 0xc5, 0xff] // BGRA
const WHITE = [0xff, 0xff, 0xff, 0xff]

/** What the badge says: the count, or "9+" when it would not fit. */
export function badgeText(count: number): string {
  return count > 9 ? '9+' : String(count)
}

/**
 * Returns a copy of a BGRA bitmap (as Electron's nativeImage.toBitmap gives) with a
 * red disc in the lower right holding the count in white. A count of 0 returns the
 * icon unchanged.
 */
export function drawCountBadge(bitmap: Buffer, width: number, height: number, count: number): Buffer {
  const out = Buffer.from(bitmap)
  if (count <= 0) return out
  const text = badgeText(count)
  const scale = Math.max(1, Math.floor(Math.min(width, height) / 16))
  const glyphWidth = 3 * scale
  const textWidth = text.length * glyphWidth + (text.length - 1) * scale
  const diameter = Math.min(Math.min(width, height), Math.max(textWidth, 5 * scale) + 4 * scale)
  const radius = diameter / 2
  const centerX = width - radius
  const centerY = height - radius
  const put = (x: number, y: number, color: number[]) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return
    color.forEach((value, channel) => (out[(y * width + x) * 4 + channel] = value))
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((x + 0.5 - centerX) ** 2 + (y + 0.5 - centerY) ** 2 <= radius ** 2) put(x, y, BADGE_RED)
    }
  }
  const left = Math.round(centerX - textWidth / 2)
  const top = Math.round(centerY - (5 * scale) / 2)
  ;[...text].forEach((character, index) => {
    DIGITS[character].forEach((row, rowIndex) => {
      ;[...row].forEach((bit, columnIndex) => {
        if (bit !== '1') return
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            put(left + index * (glyphWidth + scale) + columnIndex * scale + dx, top + rowIndex * scale + dy, WHITE)
          }
        }
      })
    })
  })
  return out
}
