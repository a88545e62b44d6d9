import { isValidBIC, isValidIBAN } from 'ibantools';
import { Database, openDatabase } from '../../server/src/database/database';
import { migrate } from '../../server/src/database/migrator';
import { isValidBarcode } from '../../server/src/rules/barcode';
import { isValidSiret } from '../../server/src/rules/siret';
import { REFERENTIAL } from '../../server/src/seed/demo-data';
import { seedDemoData } from '../../server/src/seed/seed';
import { useSeededDatabase } from '../support/test-app';

const database = useSeededDatabase();
let db: Database;
beforeAll(() => {
  db = database.db;
});

describe('the demo data', () => {
  it('has one staff account per role', async () => {
    const roles = await db.prisma.user.groupBy({ by: ['role'], _count: { _all: true } });
    expect(roles.map((r) => r.role).sort()).toEqual(['ADMIN', 'FINANCE', 'REVIEWER', 'SUPPORT']);
  });

  it('has the 9 referential categories, each with several services', async () => {
    const categories = await db.prisma.referentialCategory.findMany({ include: { services: true } });
    expect(categories.map((c) => c.label).sort()).toEqual(REFERENTIAL.map((c) => c.label).sort());
    expect(categories).toHaveLength(9);
    expect(categories.every((c) => c.services.length >= 3)).toBe(true);
  });

  it('has structures in several states, with valid SIRETs, IBANs and BICs', async () => {
    const structures = await db.prisma.structure.findMany();
    expect(new Set(structures.map((s) => s.status))).toEqual(new Set(['ELIGIBLE', 'SUSPENDED', 'APPLICANT', 'REJECTED']));
    for (const s of structures) {
      expect(isValidSiret(s.siret)).toBe(true);
      expect(isValidIBAN(s.iban)).toBe(true);
      expect(isValidBIC(s.bic)).toBe(true);
    }
    const sponsors = await db.prisma.sponsor.findMany();
    expect(sponsors.length).toBeGreaterThanOrEqual(3);
    expect(sponsors.every((s) => isValidSiret(s.siret))).toBe(true);
  });

  it('has an active order whose booklets hold 10 valid, distinct passes each and whose fee is 4 %', async () => {
    const order = await db.prisma.order.findFirstOrThrow({ where: { status: 'ACTIVE' }, include: { booklets: { include: { passes: true } } } });
    expect(order.booklets).toHaveLength(order.bookletCount);
    expect(order.booklets.every((b) => b.passes.length === 10)).toBe(true);
    expect(order.faceValueCents).toBe(order.bookletCount * 10 * 1000);
    expect(order.upstreamFeeCents).toBe(order.faceValueCents * 0.04);
    const barcodes = (await db.prisma.pass.findMany({ select: { barcode: true } })).map((p) => p.barcode);
    expect(barcodes.every(isValidBarcode)).toBe(true);
    expect(new Set(barcodes).size).toBe(barcodes.length);
  });

  it('redeems each redeemed pass exactly once, with one accepted scan', async () => {
    const redeemed = await db.prisma.pass.findMany({ where: { status: 'REDEEMED' }, include: { scans: true } });
    expect(redeemed.length).toBeGreaterThan(10);
    for (const pass of redeemed) expect(pass.scans.filter((s) => s.outcome === 'ACCEPTED')).toHaveLength(1);
  });

  it('is the same on every run', async () => {
    const other = await openDatabase({ dataDir: 'memory' });
    try {
      await migrate(other);
      await seedDemoData(other.prisma, { bcryptRounds: 4 });
      const a = await db.prisma.pass.findMany({ select: { barcode: true, status: true }, orderBy: { barcode: 'asc' } });
      const b = await other.prisma.pass.findMany({ select: { barcode: true, status: true }, orderBy: { barcode: 'asc' } });
      expect(b).toEqual(a);
    } finally {
      await other.close();
    }
  });

  it('refuses to load twice', async () => {
    await expect(seedDemoData(db.prisma)).rejects.toThrow(/déjà des comptes/);
  });
});
