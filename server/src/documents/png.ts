import * as zlib from 'node:zlib';

/**
 * An 8-bit RGBA PNG (what bwip-js draws) as an 8-bit grayscale PNG, flattened on white. PDFKit
 * embeds a PNG without alpha as it is, synchronously; with alpha it splits the mask off in
 * callbacks whose order varies, and the PDF's bytes with them. Handles the unfiltered rows
 * bwip-js writes; refuses anything else rather than guess.
 */
export function flattenToGrayPng(rgba: Buffer): Buffer {
  if (!rgba.subarray(0, 8).equals(SIGNATURE)) throw new Error('PNG attendu');
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  for (let off = 8; off < rgba.length; ) {
    const length = rgba.readUInt32BE(off);
    const type = rgba.toString('latin1', off + 4, off + 8);
    const data = rgba.subarray(off + 8, off + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 6 || data[12] !== 0) throw new Error('PNG RGBA 8 bits non entrelacé attendu');
    } else if (type === 'IDAT') idat.push(data);
    off += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4 + 1;
  if (raw.length !== stride * height) throw new Error('PNG tronqué');
  const gray = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    if (raw[y * stride] !== 0) throw new Error('PNG à lignes filtrées non pris en charge');
    for (let x = 0; x < width; x++) {
      const p = y * stride + 1 + x * 4;
      const lum = (299 * raw[p] + 587 * raw[p + 1] + 114 * raw[p + 2]) / 1000;
      const alpha = raw[p + 3] / 255;
      gray[y * (width + 1) + 1 + x] = Math.round(lum * alpha + 255 * (1 - alpha));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8 bits, grayscale, deflate, no filter method variant, not interlaced
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(gray, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}
