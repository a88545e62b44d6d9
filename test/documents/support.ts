import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import { PNG } from 'pngjs';

/** Reads the EAN-13 barcode of a PNG the way a scanner app would (ZXing), from its pixels. */
export function decodeEan13(png: Buffer): string {
  const image = PNG.sync.read(png);
  const luminances = new Uint8ClampedArray(image.width * image.height);
  for (let i = 0; i < luminances.length; i++) {
    const [r, g, b, a] = image.data.subarray(i * 4, i * 4 + 4);
    // Transparent pixels are paper: white.
    luminances[i] = a === 0 ? 255 : Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  const reader = new MultiFormatReader();
  reader.setHints(new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.EAN_13]], [DecodeHintType.TRY_HARDER, true]]));
  const result = reader.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminances, image.width, image.height))));
  expect(result.getBarcodeFormat()).toBe(BarcodeFormat.EAN_13);
  return result.getText();
}

/** A scratch folder removed after use. */
export function withTempDir<T>(work: (dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aptic-pdf-'));
  try {
    return work(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF as poppler lays it out, with no-break spaces read as spaces. */
export function pdfText(pdf: Buffer): string {
  return withTempDir((dir) => {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[\u00a0\u202f]/g, ' ');
  });
}

/** The number of pages of a PDF. */
export function pdfPages(pdf: Buffer): number {
  return withTempDir((dir) => {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  });
}

/** The pictures embedded in a PDF, as PNGs, in page order (poppler's pdfimages). */
export function pdfImages(pdf: Buffer): Buffer[] {
  return withTempDir((dir) => {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    execFileSync('pdfimages', ['-png', file, path.join(dir, 'img')]);
    return fs
      .readdirSync(dir)
      .filter((f) => f.startsWith('img') && f.endsWith('.png'))
      .sort()
      .map((f) => fs.readFileSync(path.join(dir, f)));
  });
}

/** Lets supertest collect a binary body (PDF) as a Buffer. */
export function binary(res: unknown, done: (err: Error | null, body: unknown) => void) {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
