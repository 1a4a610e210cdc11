// Draws Follow Through's icons (a check mark in a circle) and writes them as PNGs
// with nothing but node:zlib. Run `node build/generate-icons.mjs` after changing it;
// the PNGs are committed, so builds never run this.
//
//   resources/tray/tray.png, tray@2x.png                  Windows / Linux tray (colour)
//   resources/tray/trayTemplate.png, trayTemplate@2x.png  macOS menu bar (black + alpha: a template image)
//   resources/icon.png                                    window / notification icon (256)
//   build/icon.png                                        electron-builder's app icon (512)
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes) {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** RGBA pixels (size*size*4 bytes) to a PNG file's bytes. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // colour type: RGBA
  header[10] = 0 // deflate
  header[11] = 0 // adaptive filtering
  header[12] = 0 // no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0 // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy))
}

// Shapes in a unit square (0..1), so every size draws the same picture.
const CHECK = [
  [0.29, 0.52],
  [0.44, 0.67],
  [0.72, 0.36],
]
const onCheck = (x, y, width) =>
  distanceToSegment(x, y, CHECK[0], CHECK[1]) <= width / 2 || distanceToSegment(x, y, CHECK[1], CHECK[2]) <= width / 2
const radius = (x, y) => Math.hypot(x - 0.5, y - 0.5)

/** Renders with 4x4 supersampling; `paint(x, y)` returns [r, g, b, a] (0..255) or null for transparent. */
function render(size, paint) {
  const samples = 4
  const out = Buffer.alloc(size * size * 4)
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)
          if (!colour) continue
          const alpha = colour[3] / 255
          r += colour[0] * alpha
          g += colour[1] * alpha
          b += colour[2] * alpha
          a += alpha
        }
      }
      const i = (py * size + px) * 4
      const n = samples * samples
      out[i] = a > 0 ? Math.round(r / a) : 0
      out[i + 1] = a > 0 ? Math.round(g / a) : 0
      out[i + 2] = a > 0 ? Math.round(b / a) : 0
      out[i + 3] = Math.round((a / n) * 255)
    }
  }
  return out
}

const GREEN = [31, 122, 92, 255]
const WHITE = [255, 255, 255, 255]
const BLACK = [0, 0, 0, 255]

/** A filled green disc with a white check: reads well on light and dark taskbars. */
const colour = (x, y) => (radius(x, y) > 0.47 ? null : onCheck(x, y, 0.13) ? WHITE : GREEN)

/** Black ring and check on transparency: macOS tints template images for light and dark menu bars. */
const template = (x, y) => {
  const r = radius(x, y)
  if (r <= 0.47 && r >= 0.36) return BLACK
  return onCheck(x, y, 0.12) ? BLACK : null
}

function write(path, size, paint) {
  const file = join(ROOT, path)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, encodePng(size, render(size, paint)))
  console.log(`wrote ${path} (${size}x${size})`)
}

write('resources/tray/tray.png', 16, colour)
write('resources/tray/tray@2x.png', 32, colour)
write('resources/tray/trayTemplate.png', 16, template)
write('resources/tray/trayTemplate@2x.png', 32, template)
write('resources/icon.png', 256, colour)
write('build/icon.png', 512, colour)
