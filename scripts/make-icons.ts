/**
 * Draws the toolbar/store icons (a magnifying lens over a line of text) and writes them as PNGs to public/icons.
 * Run once after changing the design: `npx tsx scripts/make-icons.ts`. The PNGs are committed.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

const TEAL: Rgba = [15, 109, 106, 255];
const GLASS: Rgba = [224, 244, 242, 255];
const INK: Rgba = [15, 109, 106, 255];
const SIZES = [16, 32, 48, 128];
/** Samples per pixel side: cheap anti-aliasing by averaging a grid of point samples. */
const SUPERSAMPLE = 4;

/** The colour at a point of the unit square (0..1), or null for transparent. */
function shade(x: number, y: number): Rgba | null {
  const cx = 0.42;
  const cy = 0.42;
  const outer = 0.34;
  const inner = 0.25;
  const distance = Math.hypot(x - cx, y - cy);
  // Handle: a thick segment from the rim towards the bottom-right corner.
  const along = (x - cx + (y - cy)) / Math.SQRT2;
  const across = Math.abs(x - cx - (y - cy)) / Math.SQRT2;
  if (along > outer - 0.02 && along < 0.66 && across < 0.075) return TEAL;
  if (distance <= inner) {
    // Three lines of "text" inside the glass, right-aligned like Arabic, of decreasing length.
    const lines = [
      { y: cy - 0.09, from: cx - 0.15 },
      { y: cy, from: cx - 0.17 },
      { y: cy + 0.09, from: cx - 0.05 },
    ];
    for (const line of lines) if (Math.abs(y - line.y) < 0.025 && x > line.from && x < cx + 0.16) return INK;
    return GLASS;
  }
  if (distance <= outer) return TEAL;
  return null;
}

function render(size: number): Buffer {
  const rowBytes = size * 4 + 1;
  const raw = Buffer.alloc(rowBytes * size);
  for (let py = 0; py < size; py++) {
    raw[py * rowBytes] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const colour = shade((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          if (!colour) continue;
          // Premultiplied accumulation so edges blend towards transparency, not towards black.
          for (let c = 0; c < 3; c++) sum[c]! += colour[c]! * colour[3];
          sum[3]! += colour[3];
        }
      }
      const samples = SUPERSAMPLE * SUPERSAMPLE;
      const alpha = sum[3]! / samples;
      const offset = py * rowBytes + 1 + px * 4;
      for (let c = 0; c < 3; c++) raw[offset + c] = alpha > 0 ? Math.round(sum[c]! / sum[3]!) : 0;
      raw[offset + 3] = Math.round(alpha);
    }
  }
  return encodePng(size, size, raw);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A minimal PNG: IHDR (8-bit RGBA), one IDAT with the zlib-deflated scanlines, IEND. */
function encodePng(width: number, height: number, scanlines: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(scanlines, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = join(outDir, `icon-${size}.png`);
  writeFileSync(file, render(size));
  console.log(`wrote ${file}`);
}
