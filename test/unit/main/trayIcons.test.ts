import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { inflateSync } from 'node:zlib'
import { describe, expect, it, vi } from 'vitest'
import { trayIconPath } from '../../../electron/main/tray'

vi.mock('electron', () => import('./support/fakeElectron'))

const ROOT = join(import.meta.dirname, '../../..')
const RESOURCES = join(ROOT, 'resources')

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (bytes: Uint8Array) => {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** Decodes the PNGs build/generate-icons.mjs writes (8-bit RGBA, filter 0), checking every chunk's CRC. */
function decodePng(file: string) {
  const bytes = readFileSync(file)
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  let offset = 8
  let width = 0
  let height = 0
  const idat: Buffer[] = []
  const types: string[] = []
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset)
    const type = bytes.toString('ascii', offset + 4, offset + 8)
    const data = bytes.subarray(offset + 8, offset + 8 + length)
    expect(bytes.readUInt32BE(offset + 8 + length), `${type} CRC`).toBe(crc32(bytes.subarray(offset + 4, offset + 8 + length)))
    types.push(type)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      expect([data[8], data[9]], 'bit depth 8, colour type RGBA').toEqual([8, 6])
    }
    if (type === 'IDAT') idat.push(data)
    offset += 12 + length
  }
  expect(types[0]).toBe('IHDR')
  expect(types.at(-1)).toBe('IEND')
  const raw = inflateSync(Buffer.concat(idat))
  expect(raw.length).toBe(height * (width * 4 + 1))
  const pixels: [number, number, number, number][] = []
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1)
    expect(raw[row], 'filter type').toBe(0)
    for (let x = 0; x < width; x++) {
      const i = row + 1 + x * 4
      pixels.push([raw[i], raw[i + 1], raw[i + 2], raw[i + 3]])
    }
  }
  return { width, height, pixels }
}

describe('tray and app icons', () => {
  it.each([
    ['tray/tray.png', 16],
    ['tray/tray@2x.png', 32],
    ['tray/trayTemplate.png', 16],
    ['tray/trayTemplate@2x.png', 32],
    ['icon.png', 256],
  ])('%s is a valid %ipx square PNG that draws something', (name, size) => {
    const png = decodePng(join(RESOURCES, name))
    expect([png.width, png.height]).toEqual([size, size])
    const opaque = png.pixels.filter(([, , , a]) => a > 200).length
    expect(opaque).toBeGreaterThan(size * size * 0.15)
    // Corners stay transparent: a round icon, not a square block.
    expect(png.pixels[0][3]).toBe(0)
  })

  it('makes the macOS template images black with alpha only, as macOS requires to tint them', () => {
    for (const name of ['tray/trayTemplate.png', 'tray/trayTemplate@2x.png']) {
      const visible = decodePng(join(RESOURCES, name)).pixels.filter(([, , , a]) => a > 0)
      expect(visible.every(([r, g, b]) => r === 0 && g === 0 && b === 0)).toBe(true)
    }
  })

  it('gives electron-builder a 512px app icon', () => {
    const png = decodePng(join(ROOT, 'build/icon.png'))
    expect([png.width, png.height]).toEqual([512, 512])
  })

  it('has a file at every path the tray asks for', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(() => readFileSync(trayIconPath(platform, RESOURCES))).not.toThrow()
    }
  })
})
