import { deflateSync } from 'node:zlib';

/**
 * Samplan's app icons, drawn here rather than kept as binary files: the favicon's design (index.html), a white tick
 * on the primary blue, as PNG at any size. `maskable` fills the whole square and keeps the tick inside the middle
 * 60 %, the safe zone a launcher may crop to a circle or a squircle; the plain icon has rounded corners.
 */

const BLUE = [0x1c, 0x4f, 0x82] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
/** The tick in the favicon's 32×32 grid: M9 17 l5 5 9-11, stroke 3.5, round caps and joins. */
const TICK: ReadonlyArray<readonly [number, number]> = [
  [9, 17],
  [14, 22],
  [23, 11],
];
const STROKE = 3.5;
const CORNER = 7;

function distanceToSegment(px: number, py: number, a: readonly [number, number], b: readonly [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (a[0] + t * dx), py - (a[1] + t * dy));
}

/** How far (in grid units) a point lies outside a rounded square of the whole grid; negative inside. */
function outsideRoundedSquare(px: number, py: number, size: number, radius: number): number {
  const qx = Math.abs(px - size / 2) - (size / 2 - radius);
  const qy = Math.abs(py - size / 2) - (size / 2 - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

const clamp01 = (value: number): number => Math.max(0, Math.min(1, value));

/** RGBA pixels of the icon, `size` pixels square. */
export function drawIcon(size: number, maskable: boolean): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const grid = 32;
  const unit = grid / size;
  // The maskable tick is scaled about the centre so that it stays in the safe zone.
  const scale = maskable ? 0.7 : 1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const gx = (x + 0.5) * unit;
      const gy = (y + 0.5) * unit;
      const background = maskable ? 1 : clamp01(0.5 - outsideRoundedSquare(gx, gy, grid, CORNER) / unit);
      const tx = (gx - grid / 2) / scale + grid / 2;
      const ty = (gy - grid / 2) / scale + grid / 2;
      const distance = Math.min(
        distanceToSegment(tx, ty, TICK[0]!, TICK[1]!),
        distanceToSegment(tx, ty, TICK[1]!, TICK[2]!),
      );
      const tick = clamp01(0.5 - ((distance - STROKE / 2) * scale) / unit) * background;
      // Colour is not premultiplied: the tick's share of what is drawn here.
      const mix = background > 0 ? tick / background : 0;
      const offset = (y * size + x) * 4;
      for (let channel = 0; channel < 3; channel++) {
        pixels[offset + channel] = Math.round(BLUE[channel]! * (1 - mix) + WHITE[channel]! * mix);
      }
      pixels[offset + 3] = Math.round(background * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGBA image as a PNG file (8 bits per channel, no interlace). */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // no filter
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(rows, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export function iconPng(size: number, maskable = false): Buffer {
  return encodePng(size, drawIcon(size, maskable));
}
