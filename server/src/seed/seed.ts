import * as bcrypt from 'bcryptjs';
import { composeIBAN, isValidIBAN } from 'ibantools';
import { SECRET_FIELDS } from '../rest/masking';
import { Prisma, PrismaClient } from '../generated/prisma/client';
import { barcodeFromSerial, randomSerial } from '../rules/barcode';
import { orderActivatedLines, post, redemptionAcceptedLines, sponsorPaymentLines } from '../ledger';
import { FEE_RATE_BP, PASS_VALUE_CENTS, PASSES_PER_BOOKLET, percentOfCents, VAT_RATE_BP } from '../rules/money';
import { bookletNumberOf, orderAmounts } from '../rules/orders';
import { siretFor } from '../rules/siret';
import { CHARTERS, DEMO_STAFF, DEMO_TOWN_CENTRES, QUESTIONNAIRE, REFERENTIAL, SPONSORS, STRUCTURES } from './demo-data';

/** Small deterministic PRNG (mulberry32): the same demo data on every machine (and seeded test data). */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (max: number) => Math.floor(next() * max), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] };
}

const RIB_LETTERS: Record<string, string> = { A: '1', B: '2', C: '3', D: '4', E: '5', F: '6', G: '7', H: '8', I: '9', J: '1', K: '2', L: '3', M: '4', N: '5', O: '6', P: '7', Q: '8', R: '9', S: '2', T: '3', U: '4', V: '5', W: '6', X: '7', Y: '8', Z: '9' };

/** Keeps a demo IBAN when valid; otherwise recomputes its French RIB key and IBAN check digits. */
function validIban(iban: string): string {
  if (isValidIBAN(iban)) return iban;
  const bban21 = iban.slice(4, 25);
  const digits = bban21.replace(/[A-Z]/g, (c) => RIB_LETTERS[c]);
  const bank = BigInt(digits.slice(0, 5));
  const branch = BigInt(digits.slice(5, 10));
  const account = BigInt(digits.slice(10, 21));
  const key = 97n - ((89n * bank + 15n * branch + 3n * account) % 97n);
  const fixed = composeIBAN({ countryCode: 'FR', bban: bban21 + String(key).padStart(2, '0') });
  if (!fixed || !isValidIBAN(fixed)) throw new Error(`cannot fix demo IBAN ${iban}`);
  return fixed;
}

const at = (iso: string) => new Date(iso);

/** A demo place near its town's centre, a few hundred metres apart from the other places of the town (none for an unknown town). */
const positionNear = (city: string, index: number) => {
  const centre = DEMO_TOWN_CENTRES[city];
  if (!centre) return {};
  const angle = (index * 2.4) % (2 * Math.PI);
  return { latitude: Math.round((centre[0] + 0.004 * Math.sin(angle)) * 1e6) / 1e6, longitude: Math.round((centre[1] + 0.006 * Math.cos(angle)) * 1e6) / 1e6 };
};
const day = (year: number, month: number, d: number, hour = 10, minute = 0) => new Date(Date.UTC(year, month - 1, d, hour - 1, minute));

export interface SeedOptions {
  bcryptRounds?: number;
}

export interface SeedSummary {
  users: number;
  structures: number;
  passes: number;
}

/**
 * Loads the demo data: staff (one account per role), the referential, charters, questionnaire,
 * sponsors, structures in every state with their applications, offers and subscriptions,
 * orders with booklets and passes, and some October–November 2026 scans, with their ledger
 * postings (orders activated, redemptions accepted) so the books agree with the states. Refuses to run on a
 * database that already has staff accounts.
 */
export async function seedDemoData(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedSummary> {
  if ((await prisma.user.count()) > 0) throw new Error('La base contient déjà des comptes : données de démonstration non chargées.');
  const rnd = prng(20261126);
  const rounds = options.bcryptRounds ?? 11;

  return prisma.$transaction(
    async (tx) => {
      // Staff
      const staff: Record<string, { id: string; fullName: string }> = {};
      for (const s of DEMO_STAFF) {
        const user = await tx.user.create({ data: { email: s.email, fullName: s.fullName, role: s.role, passwordHash: await bcrypt.hash(s.password, rounds) } });
        staff[s.email] = user;
      }
      const reviewer = staff['relecture@aptic.fr'];
      const support = staff['support@aptic.fr'];
      const admin = staff['admin@aptic.fr'];

      // Referential
      const services: { id: string; label: string }[] = [];
      for (const [i, category] of REFERENTIAL.entries()) {
        const created = await tx.referentialCategory.create({ data: { code: category.code, label: category.label, position: i + 1 } });
        for (const [j, [label, description]] of category.services.entries()) {
          services.push(
            await tx.referentialService.create({
              data: { code: `${category.code}-${String(j + 1).padStart(2, '0')}`, categoryId: created.id, label, description, recommendedPriceCents: PASS_VALUE_CENTS },
            }),
          );
        }
      }

      // Charters and questionnaire
      const charters: { id: string }[] = [];
      for (const c of CHARTERS) charters.push(await tx.charter.create({ data: { version: c.version, title: c.title, body: c.body, publishedAt: at(c.publishedAt), createdAt: at(c.publishedAt) } }));
      const questionnaire = await tx.questionnaire.create({
        data: { version: QUESTIONNAIRE.version, title: QUESTIONNAIRE.title, threshold: QUESTIONNAIRE.threshold, questions: QUESTIONNAIRE.questions as unknown as Prisma.InputJsonValue, publishedAt: at('2024-01-15T09:00:00.000Z') },
      });

      // Sponsors
      const sponsors: { id: string; name: string }[] = [];
      for (const s of SPONSORS) {
        const { siren, ...rest } = s;
        sponsors.push(await tx.sponsor.create({ data: { ...rest, siret: siretFor(siren) } }));
      }

      // Structures, their applications, signatures, locations, offers, subscriptions
      const eligible: { id: string; departement: string; offers: { id: string; label: string }[] }[] = [];
      let appNumber = 0;
      for (const [i, s] of STRUCTURES.entries()) {
        const siret = siretFor(s.siren);
        const iban = validIban(s.iban);
        const eligibleAt = day(2025, 1 + (i % 12), 3 + i);
        const structure = await tx.structure.create({
          data: {
            name: s.name,
            siret,
            legalForm: s.legalForm,
            addressLine: s.addressLine,
            postalCode: s.postalCode,
            city: s.city,
            departement: s.departement,
            email: `contact${i + 1}@structure-demo.example.fr`,
            phone: `0${5 + (i % 4)} ${String(10 + i).padStart(2, '0')} 20 30 40`,
            legalRepName: s.legalRepName,
            legalRepRole: 'Président·e',
            bankHolder: s.name,
            iban,
            bic: s.bic,
            status: s.status,
            eligibleAt: s.status === 'ELIGIBLE' || s.status === 'SUSPENDED' ? eligibleAt : null,
            suspendedAt: s.status === 'SUSPENDED' ? day(2026, 10, 20) : null,
            suspensionReason: s.status === 'SUSPENDED' ? 'Contrôle : scans groupés sans service rendu signalés par un commanditaire.' : null,
            signedCharterVersion: s.charterVersion,
            charterResignatureNeeded: s.charterVersion < CHARTERS[CHARTERS.length - 1].version,
          },
        });
        const charter = charters[s.charterVersion - 1];
        const answers = Object.fromEntries(QUESTIONNAIRE.questions.map((q, k) => [q.code, q.options[s.status === 'REJECTED' ? q.options.length - 1 : (i + k) % 2].value]));
        const score = QUESTIONNAIRE.questions.reduce((sum, q) => sum + (q.options.find((o) => o.value === answers[q.code])?.score ?? 0), 0);
        const status = s.status === 'APPLICANT' ? s.application! : s.status === 'REJECTED' ? 'REJECTED' : 'APPROVED';
        const submittedAt = s.status === 'APPLICANT' ? day(2026, 11, 10 + i) : day(2024, 11, 1 + i);
        appNumber += 1;
        const application = await tx.application.create({
          data: {
            reference: `DEM-${submittedAt.getUTCFullYear()}-${String(appNumber).padStart(5, '0')}`,
            status,
            organisationName: s.name,
            siret,
            legalForm: s.legalForm,
            addressLine: s.addressLine,
            postalCode: s.postalCode,
            city: s.city,
            departement: s.departement,
            contactName: s.legalRepName,
            contactEmail: `contact${i + 1}@structure-demo.example.fr`,
            legalRepName: s.legalRepName,
            legalRepRole: 'Président·e',
            bankHolder: s.name,
            iban,
            bic: s.bic,
            questionnaireId: questionnaire.id,
            answers,
            score,
            scoreThreshold: QUESTIONNAIRE.threshold,
            charterId: charter.id,
            assigneeId: status === 'SUBMITTED' ? null : reviewer.id,
            claimedAt: status === 'SUBMITTED' ? null : day(submittedAt.getUTCFullYear(), submittedAt.getUTCMonth() + 1, submittedAt.getUTCDate(), 14),
            decidedById: status === 'APPROVED' || status === 'REJECTED' ? reviewer.id : null,
            decidedAt: status === 'APPROVED' || status === 'REJECTED' ? eligibleAt : null,
            rejectionReason: status === 'REJECTED' ? 'OUT_OF_SCOPE' : null,
            decisionComment: status === 'REJECTED' ? 'Activité de dépannage informatique commercial, hors médiation numérique.' : null,
            holdComment: status === 'ON_HOLD' ? 'Merci de nous transmettre un RIB au nom de l’association.' : null,
            structureId: structure.id,
            submittedAt,
            createdAt: submittedAt,
          },
        });
        await tx.charterSignature.create({
          data: { charterId: charter.id, structureId: structure.id, applicationId: application.id, signatoryName: s.legalRepName, signatoryRole: 'Président·e', signedAt: submittedAt },
        });
        const location = await tx.location.create({
          data: { structureId: structure.id, name: `${s.name} — accueil`, addressLine: s.addressLine, postalCode: s.postalCode, city: s.city, departement: s.departement, ...positionNear(s.city, i) },
        });
        if (s.status !== 'ELIGIBLE' && s.status !== 'SUSPENDED') continue;

        const offers: { id: string; label: string }[] = [];
        const picked = new Set<number>();
        const count = 2 + (i % 3);
        while (picked.size < count) picked.add(rnd.int(services.length));
        for (const [k, index] of [...picked].entries()) {
          const service = services[index];
          const pending = i === 2 && k === 0;
          const offer = await tx.offer.create({
            data: {
              structureId: structure.id,
              serviceId: service.id,
              locationId: location.id,
              title: service.label,
              description: `${service.label} — séance individuelle d’environ une heure.`,
              priceCents: pending ? 1500 : PASS_VALUE_CENTS,
              durationMinutes: 60,
              status: pending ? 'PENDING_REVIEW' : 'APPROVED',
              validation: pending ? null : 'AUTO',
              flags: pending ? ['PRICE_ABOVE_RECOMMENDED', 'PRICE_NOT_MULTIPLE_OF_PASS'] : [],
              submittedAt: eligibleAt,
              moderatedAt: pending ? null : eligibleAt,
            },
          });
          offers.push({ id: offer.id, label: service.label });
        }
        const started = s.status === 'ELIGIBLE' && i % 4 !== 3;
        await tx.subscription.create({
          data: {
            structureId: structure.id,
            plan: i % 5 === 4 ? 'ANNUAL' : 'MONTHLY',
            status: started ? 'ACTIVE' : 'PENDING',
            feeCents: i % 5 === 4 ? 9000 : 840,
            orderedAt: eligibleAt,
            startedAt: started ? day(2026, 10, 2 + i) : null,
          },
        });
        if (started) eligible.push({ id: structure.id, departement: s.departement, offers: offers.slice(i === 2 ? 1 : 0) });
      }

      // Orders, booklets, passes
      const sponsorFor = (name: string) => sponsors.find((s) => s.name === name)!;
      const orders = [
        { reference: 'CMD-2026-0001', sponsor: sponsorFor('Département de la Gironde'), status: 'ACTIVE' as const, bookletCount: 20, departements: ['33'], payment: 'OP-33-2026-004512', issuedAt: day(2026, 9, 15), activatedAt: day(2026, 9, 22) },
        { reference: 'CMD-2026-0002', sponsor: sponsorFor('Ville de Lyon — CCAS'), status: 'ACTIVE' as const, bookletCount: 10, departements: ['69'], payment: 'MANDAT-LYON-88120', issuedAt: day(2026, 9, 18), activatedAt: day(2026, 9, 30) },
        { reference: 'CMD-2026-0003', sponsor: sponsorFor('CAF du Nord'), status: 'AWAITING_PAYMENT' as const, bookletCount: 8, departements: [], payment: null, issuedAt: day(2026, 11, 12), activatedAt: null },
        { reference: 'CMD-2026-0004', sponsor: sponsorFor('Fonds solidarité numérique Occitanie'), status: 'DRAFT' as const, bookletCount: 15, departements: ['31', '32', '81', '82'], payment: null, issuedAt: null, activatedAt: null },
      ];
      const usedSerials = new Set<string>();
      const activePasses: { id: string; barcode: string; bookletId: string; orderDepartements: string[] }[] = [];
      let bookletNumber = 0;
      let passCount = 0;
      for (const o of orders) {
        const faceValueCents = o.bookletCount * PASSES_PER_BOOKLET * PASS_VALUE_CENTS;
        const order = await tx.order.create({
          data: {
            reference: o.reference,
            sponsorId: o.sponsor.id,
            status: o.status,
            bookletCount: o.bookletCount,
            ...orderAmounts(o.bookletCount, PASS_VALUE_CENTS),
            paymentOrderNumber: o.payment,
            allowedDepartements: o.departements,
            validityYear: 2026,
            issuedAt: o.issuedAt,
            activatedAt: o.activatedAt,
            createdAt: day(2026, 9, 1),
          },
        });
        if (o.activatedAt) {
          // The books follow the states: an active order owes its sponsor's face value, fee and VAT.
          await post(tx, { event: 'ORDER_ACTIVATED', resource: 'orders', recordId: order.id, at: o.activatedAt, lines: orderActivatedLines(order) });
          // The Gironde paid in full, Lyon a first instalment: FINANCE recorded the bank lines.
          const amountCents = o.reference === 'CMD-2026-0001' ? order.totalCents : Math.round(order.totalCents / 2);
          const receivedOn = new Date(Date.UTC(2026, 9, 8));
          const payment = await tx.sponsorPayment.create({
            data: { orderId: order.id, sponsorId: order.sponsorId, amountCents, receivedOn, bankReference: `VIR-${o.reference}-1`, recordedById: 'seed', recordedByName: 'Données de démonstration' },
          });
          await tx.order.update({ where: { id: order.id }, data: { paidCents: amountCents } });
          await post(tx, { event: 'SPONSOR_PAYMENT_RECEIVED', resource: 'sponsor-payments', recordId: payment.id, at: receivedOn, lines: sponsorPaymentLines(order.sponsorId, amountCents) });
        }
        if (o.status === 'DRAFT') continue; // booklets are generated when the order is issued
        for (let b = 0; b < o.bookletCount; b++) {
          bookletNumber += 1;
          const handedOut = o.status === 'ACTIVE' && b < o.bookletCount - 3;
          const booklet = await tx.booklet.create({
            data: {
              number: bookletNumberOf(2026, bookletNumber),
              sequence: bookletNumber,
              orderId: order.id,
              handedOutAt: handedOut ? day(2026, 10, 1 + (b % 20)) : null,
              handedOutBy: handedOut ? rnd.pick(['CCAS — accueil', 'MDS Bordeaux Bastide', 'Assistante sociale secteur 4', 'Mission locale']) : null,
            },
          });
          const rows: Prisma.PassCreateManyInput[] = [];
          for (let p = 0; p < PASSES_PER_BOOKLET; p++) {
            let serial: string;
            do serial = randomSerial(rnd.int);
            while (usedSerials.has(serial));
            usedSerials.add(serial);
            rows.push({
              barcode: barcodeFromSerial(serial),
              bookletId: booklet.id,
              orderId: order.id,
              sponsorId: order.sponsorId,
              faceValueCents: PASS_VALUE_CENTS,
              status: o.status === 'ACTIVE' ? 'ACTIVE' : 'INACTIVE',
              validityYear: 2026,
              acceptedUntil: new Date('2027-01-31T22:59:59.999Z'),
            });
          }
          const created = await tx.pass.createManyAndReturn({ data: rows, select: { id: true, barcode: true } });
          passCount += created.length;
          if (handedOut) for (const c of created) activePasses.push({ ...c, bookletId: booklet.id, orderDepartements: o.departements });
        }
      }

      // New orders number their booklets after the demo ones.
      await tx.documentCounter.createMany({
        data: [
          { kind: 'BOOKLET', year: 2026, lastNumber: bookletNumber },
          { kind: 'ORDER', year: 2026, lastNumber: orders.length },
        ],
      });

      // October–November 2026 redemptions: one pass per service, never two of a booklet for one service.
      let redemptions = 0;
      for (const pass of activePasses) {
        if (rnd.next() > 0.22) continue;
        const candidates = eligible.filter((s) => pass.orderDepartements.length === 0 || pass.orderDepartements.includes(s.departement));
        if (!candidates.length) continue;
        const structure = rnd.pick(candidates);
        const offer = rnd.pick(structure.offers);
        const when = redemptions % 3 === 0 ? day(2026, 11, 2 + rnd.int(20), 9 + rnd.int(8), rnd.int(60)) : day(2026, 10, 3 + rnd.int(27), 9 + rnd.int(8), rnd.int(60));
        const redemption = await tx.redemption.create({
          data: { structureId: structure.id, offerId: offer.id, status: 'ACCEPTED', passCount: 1, totalValueCents: PASS_VALUE_CENTS, createdAt: when },
        });
        await tx.scan.create({
          data: { redemptionId: redemption.id, structureId: structure.id, offerId: offer.id, passId: pass.id, barcode: pass.barcode, outcome: 'ACCEPTED', valueCents: PASS_VALUE_CENTS, scannedAt: when },
        });
        await tx.pass.update({ where: { id: pass.id }, data: { status: 'REDEEMED', redeemedAt: when } });
        await post(tx, {
          event: 'REDEMPTION_ACCEPTED',
          resource: 'redemptions',
          recordId: redemption.id,
          at: when,
          lines: redemptionAcceptedLines(structure.id, PASS_VALUE_CENTS),
        });
        redemptions += 1;
        // A few rejected attempts, as scanners see them every day.
        if (redemptions % 7 === 0) {
          const later = new Date(when.getTime() + 86_400_000 * 3);
          const rejected = await tx.redemption.create({ data: { structureId: structure.id, offerId: offer.id, status: 'REJECTED', passCount: 1, totalValueCents: 0, createdAt: later } });
          await tx.scan.create({
            data: {
              redemptionId: rejected.id,
              structureId: structure.id,
              offerId: offer.id,
              passId: pass.id,
              barcode: pass.barcode,
              outcome: 'REJECTED',
              reason: 'PASS_ALREADY_USED',
              reasonDetail: `Pass déjà utilisé le ${when.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })}.`,
              scannedAt: later,
            },
          });
        }
      }
      const typo = await tx.redemption.create({ data: { structureId: eligible[0].id, offerId: eligible[0].offers[0].id, status: 'REJECTED', passCount: 1, totalValueCents: 0, createdAt: day(2026, 11, 18, 15, 12) } });
      await tx.scan.create({
        data: { redemptionId: typo.id, structureId: eligible[0].id, offerId: eligible[0].offers[0].id, barcode: '2000000000001', outcome: 'REJECTED', reason: 'INVALID_BARCODE', reasonDetail: 'Clé de contrôle incorrecte : code mal saisi ou mal lu.', scannedAt: day(2026, 11, 18, 15, 12) },
      });

      // One dispute under investigation
      const disputed = await tx.scan.findFirst({ where: { outcome: 'ACCEPTED' }, orderBy: { scannedAt: 'desc' } });
      if (disputed) {
        const dispute = await tx.dispute.create({
          data: {
            reference: 'LIT-2026-0001',
            origin: 'SPONSOR',
            category: 'SERVICE_NOT_RENDERED',
            status: 'INVESTIGATING',
            description: 'La bénéficiaire indique ne pas avoir reçu d’accompagnement le jour du scan.',
            structureId: disputed.structureId,
            assigneeId: support.id,
            openedById: support.id,
            createdAt: day(2026, 11, 21),
          },
        });
        await tx.disputeItem.create({ data: { disputeId: dispute.id, scanId: disputed.id, passId: disputed.passId } });
      }

      // Each demo record's history starts with its import, so record timelines are not empty.
      const imports: [string, { id: string; createdAt: Date }[]][] = [
        ['users', await tx.user.findMany()],
        ['sponsors', await tx.sponsor.findMany()],
        ['structures', await tx.structure.findMany()],
        ['locations', await tx.location.findMany()],
        ['applications', await tx.application.findMany()],
        ['charters', await tx.charter.findMany()],
        ['questionnaires', await tx.questionnaire.findMany()],
        ['referential-categories', await tx.referentialCategory.findMany()],
        ['referential-services', await tx.referentialService.findMany()],
        ['offers', await tx.offer.findMany()],
        ['subscriptions', await tx.subscription.findMany()],
        ['orders', await tx.order.findMany()],
        ['disputes', await tx.dispute.findMany()],
      ];
      for (const [resource, rows] of imports) {
        await tx.auditEvent.createMany({
          data: rows.map((row) => ({
            actorType: 'SYSTEM' as const,
            actorName: 'Reprise des données de démonstration',
            action: 'import',
            resource,
            recordId: row.id,
            after: JSON.parse(JSON.stringify(row, (key, value) => (SECRET_FIELDS.has(key) ? undefined : value))),
            createdAt: row.createdAt,
          })),
        });
      }
      await tx.auditEvent.create({
        data: { actorType: 'SYSTEM', actorName: 'Système', action: 'seed', resource: 'users', recordId: admin.id, after: { demoData: true, structures: STRUCTURES.length, passes: passCount, redemptions } },
      });
      return { users: DEMO_STAFF.length, structures: STRUCTURES.length, passes: passCount };
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}
