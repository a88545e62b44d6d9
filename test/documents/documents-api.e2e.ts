import { issuerFrom } from '../../server/src/documents/issuer';
import { createSponsorDocument } from '../../server/src/documents/sponsor-documents';
import type { PrismaClient } from '../../server/src/generated/prisma/client';
import { formatEuros } from '../../server/src/rules/money';
import { demoAccount, startTestApp, TestApp } from '../support/test-app';
import { binary, decodeEan13, pdfImages, pdfText } from './support';

let t: TestApp;
let prisma: PrismaClient;
const enc = encodeURIComponent;

beforeAll(async () => {
  t = await startTestApp();
  prisma = t.started.deps.db.prisma;
});
afterAll(() => t.close());

async function get(url: string, role: 'ADMIN' | 'REVIEWER' | 'FINANCE' | 'SUPPORT' | null) {
  const req = t.http.get(url).buffer(true).parse(binary);
  if (role) req.set('Authorization', `Bearer ${await t.token(role)}`);
  return req;
}

const json = (res: { body: Buffer }) => JSON.parse(res.body.toString('utf8'));

async function bookletOf(reference: string, skip = 0) {
  return prisma.booklet.findFirstOrThrow({ where: { order: { reference } }, orderBy: { number: 'asc' }, skip, include: { passes: { orderBy: { barcode: 'asc' } } } });
}

async function printEvents(bookletId: string) {
  const res = await t.http
    .get(`/api/audit-events?filter=${enc(JSON.stringify({ resource: 'booklets', recordId: bookletId, action: 'print-sheet' }))}`)
    .set('Authorization', `Bearer ${await t.token('ADMIN')}`);
  expect(res.status).toBe(200);
  return res.body as any[];
}

describe('GET /api/sponsor-documents/:id/pdf', () => {
  let fee: { id: string; number: string };

  beforeAll(async () => {
    const order = await prisma.order.findUniqueOrThrow({ where: { reference: 'CMD-2026-0001' } });
    fee = await prisma.$transaction((tx) => createSponsorDocument(tx, 'SPONSOR_FEE_INVOICE', order.id, issuerFrom(t.config)));
  });

  it('downloads the fee document of an active demo order as a French PDF attachment', async () => {
    const order = await prisma.order.findUniqueOrThrow({ where: { reference: 'CMD-2026-0001' }, include: { sponsor: true } });
    const res = await get(`/api/sponsor-documents/${fee.id}/pdf`, 'FINANCE');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="facture-${fee.number}.pdf"`);
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.body).replace(/ +/g, ' ');
    expect(text).toContain(`N° ${fee.number}`);
    expect(text).toContain(order.sponsor.name);
    expect(text).toContain(`Référence : ${order.reference}`);
    expect(text).toContain(`Total à payer ${formatEuros(order.totalCents).replace(/\u202f/g, ' ')}`);
    expect(text).toContain(`N° d’ordre de paiement : ${order.paymentOrderNumber}`);
    expect(text).toContain(`SIRET ${t.config.ISSUER_SIRET}`);
  });

  it('gives the same bytes at every download', async () => {
    const [a, b] = [await get(`/api/sponsor-documents/${fee.id}/pdf`, 'FINANCE'), await get(`/api/sponsor-documents/${fee.id}/pdf`, 'ADMIN')];
    expect(a.body.equals(b.body)).toBe(true);
  });

  it('names a credit note "avoir"', async () => {
    const order = await prisma.order.findUniqueOrThrow({ where: { reference: 'CMD-2026-0002' } });
    const credit = await prisma.$transaction((tx) => createSponsorDocument(tx, 'SPONSOR_CREDIT_NOTE', order.id, issuerFrom(t.config)));
    const res = await get(`/api/sponsor-documents/${credit.id}/pdf`, 'FINANCE');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="avoir-${credit.number}.pdf"`);
    expect(pdfText(res.body)).toContain('Total crédité');
  });

  it('is readable by support, not by reviewers nor anonymously', async () => {
    expect((await get(`/api/sponsor-documents/${fee.id}/pdf`, 'SUPPORT')).status).toBe(200);
    expect((await get(`/api/sponsor-documents/${fee.id}/pdf`, 'REVIEWER')).status).toBe(403);
    expect((await get(`/api/sponsor-documents/${fee.id}/pdf`, null)).status).toBe(401);
  });

  it('answers 404 in French for an unknown or overlong id', async () => {
    const unknown = await get('/api/sponsor-documents/00000000-0000-0000-0000-000000000000/pdf', 'FINANCE');
    expect(unknown.status).toBe(404);
    expect(json(unknown).message).toBe("Aucun document commanditaire avec l'identifiant 00000000-0000-0000-0000-000000000000.");
    const overlong = await get(`/api/sponsor-documents/${'x'.repeat(500)}/pdf`, 'FINANCE');
    expect(overlong.status).toBe(404);
    expect(json(overlong).message.length).toBeLessThan(200);
  });
});

describe('GET /api/booklets/:id/sheet.pdf', () => {
  it('gives finance the sheet of a demo booklet, with the barcodes of its passes', async () => {
    const booklet = await bookletOf('CMD-2026-0001');
    const res = await get(`/api/booklets/${booklet.id}/sheet.pdf`, 'FINANCE');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="carnet-${booklet.number}.pdf"`);
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.body);
    expect(text).toContain(`Carnet ${booklet.number}`);
    expect(pdfImages(res.body).map(decodeEan13)).toEqual(booklet.passes.map((p) => p.barcode));
  });

  it('records one print-sheet audit event per print, with who printed it', async () => {
    const booklet = await bookletOf('CMD-2026-0002');
    expect(await printEvents(booklet.id)).toHaveLength(0);
    expect((await get(`/api/booklets/${booklet.id}/sheet.pdf`, 'FINANCE')).status).toBe(200);
    expect((await get(`/api/booklets/${booklet.id}/sheet.pdf`, 'ADMIN')).status).toBe(200);
    const events = await printEvents(booklet.id);
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.actorName).sort()).toEqual([demoAccount('FINANCE').fullName, demoAccount('ADMIN').fullName].sort());
    expect(events[0].after).toEqual(expect.objectContaining({ bookletNumber: booklet.number, passCount: 10, firstBarcode: booklet.passes[0].barcode, lastBarcode: booklet.passes[9].barcode }));
  });

  it('is refused to support and reviewers (403), and prints nothing for them', async () => {
    const booklet = await bookletOf('CMD-2026-0001', 1);
    expect((await get(`/api/booklets/${booklet.id}/sheet.pdf`, 'SUPPORT')).status).toBe(403);
    expect((await get(`/api/booklets/${booklet.id}/sheet.pdf`, 'REVIEWER')).status).toBe(403);
    expect(await printEvents(booklet.id)).toHaveLength(0);
  });

  it('answers 404 for an unknown or overlong booklet id', async () => {
    expect((await get('/api/booklets/00000000-0000-0000-0000-000000000000/sheet.pdf', 'FINANCE')).status).toBe(404);
    expect((await get(`/api/booklets/${'9'.repeat(300)}/sheet.pdf`, 'FINANCE')).status).toBe(404);
  });

  it('refuses (409) a booklet whose passes are cancelled, without recording a print', async () => {
    const booklet = await bookletOf('CMD-2026-0001', 2);
    await prisma.pass.updateMany({ where: { bookletId: booklet.id }, data: { status: 'CANCELLED', cancelledAt: new Date(), cancelReason: 'Carnet perdu' } });
    const res = await get(`/api/booklets/${booklet.id}/sheet.pdf`, 'FINANCE');
    expect(res.status).toBe(409);
    expect(json(res).message).toBe(`Le carnet ${booklet.number} a 10 pass annulé(s) : il ne peut pas être imprimé.`);
    expect(await printEvents(booklet.id)).toHaveLength(0);
  });

  it('refuses (409) a booklet of a cancelled order', async () => {
    const booklet = await bookletOf('CMD-2026-0003');
    await prisma.order.update({ where: { reference: 'CMD-2026-0003' }, data: { status: 'CANCELLED', cancelledAt: new Date(), cancelReason: 'Budget retiré' } });
    const res = await get(`/api/booklets/${booklet.id}/sheet.pdf`, 'ADMIN');
    expect(res.status).toBe(409);
    expect(json(res).message).toBe(`La commande CMD-2026-0003 est annulée : le carnet ${booklet.number} ne peut pas être imprimé.`);
  });
});
