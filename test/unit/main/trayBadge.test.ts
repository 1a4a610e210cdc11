import { describe, expect, it } from 'vitest'
import { badgeText, drawCountBadge } from '../../../electron/main/trayBadge'

const SIZE = 16
const blank = () => Buffer.alloc(SIZE * SIZE * 4)
const pixel = (bitmap: Buffer, x: number, y: number) => [...bitmap.subarray((y * SIZE + x) * 4, (y * SIZE + x) * 4 + 4)]

/** The badge's white pixels as rows of '#' and '.', to read the digits it drew. */
function whitePixels(bitmap: Buffer): string[] {
  return Array.from({ length: SIZE }, (_, y) =>
    Array.from({ length: SIZE }, (_, x) => (pixel(bitmap, x, y).every((v) => v === 0xff) ? '#' : '.')).join(''),
  )
}

describe('the tray count badge', () => {
  it('leaves the icon untouched when nothing is due', () => {
    const icon = blank().fill(7)
    expect(drawCountBadge(icon, SIZE, SIZE, 0).equals(icon)).toBe(true)
  })

  it('draws a red disc in the lower right and keeps the upper left of the icon', () => {
    const icon = blank().fill(7)
    const badged = drawCountBadge(icon, SIZE, SIZE, 3)
    expect(pixel(badged, 0, 0)).toEqual([7, 7, 7, 7])
    expect(pixel(badged, 15, 10)).toEqual([0x30, 0x30, 0xc5, 0xff])
    expect(icon.equals(blank().fill(7))).toBe(true)
  })

  it('writes the digit so it can be read', () => {
    const rows = whitePixels(drawCountBadge(blank(), SIZE, SIZE, 7)).filter((row) => row.includes('#'))
    const left = Math.min(...rows.map((row) => row.indexOf('#')))
    expect(rows.map((row) => row.slice(left, left + 3))).toEqual(['###', '..#', '.#.', '.#.', '.#.'])
  })

  it('says 9+ for ten or more, which is all a 16 px badge can show', () => {
    expect(badgeText(9)).toBe('9')
    expect(badgeText(10)).toBe('9+')
    expect(badgeText(250)).toBe('9+')
  })
})
