import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { StaffUser } from '../auth/staff-user';
import { badRequest, conflict, notFound } from '../common/errors';
import { statusLabel } from '../common/labels';
import { AppConfig } from '../config/app-config';
import { issuerFrom } from '../documents/issuer';
import { createSponsorDocument } from '../documents/sponsor-documents';
import type { Order } from '../generated/prisma/client';
import { PrismaClient } from '../generated/prisma/client';
import { JobRunner } from '../jobs/job-runner';
import { nextDocumentNumber } from '../ledger/document-numbers';
import { orderActivatedLines, passesCreditedLines, sponsorPaymentLines } from '../ledger/rules';
import { post } from '../ledger/post';
import { BUSINESS_ZONE, parseDateInput } from '../rules/dates';
import { formatEuros, PASS_VALUE_CENTS } from '../rules/money';
import { bookletNumberOf, dueCents, orderAmounts, parseBookletNumber } from '../rules/orders';
import { allows, ORDER_WORKFLOW, PASS_WORKFLOW } from '../rules/workflows';
import { ResourceWriter } from '../writes/resource-writes';
import { Tx, WriteContext, WritePath } from '../writes/write-path';
import { ActivateOrderDto, CreateOrderDto, HandOutDto, HandOutRangeDto, RecordPaymentDto, UpdateOrderDto } from './dto/order.dto';
import { bookletsResource, ordersResource, passesResource } from './emission.resources';

/** At most this many booklets handed out in one range. */
export const MAX_HAND_OUT_RANGE = 5_000;


/** A day "AAAA-MM-JJ" sent by a client, as the first instant of that day in Paris; refused on its field. */
function parisDay(value: string, field: string, { notAfterToday = false } = {}): Date {
  const parsed = parseDateInput(value, 'start');
  if (!parsed.ok) throw badRequest(`${field} : ${parsed.expected}.`, { fields: { [field]: [parsed.expected] } });
  if (notAfterToday && parsed.date.getTime() > Date.now()) throw badRequest(`${field} : cette date n’est pas encore arrivée.`, { fields: { [field]: ['date dans le futur'] } });
  return parsed.date;
}

/** Order references "CMD-2026-0042", numbered per year of creation (Paris). */
async function nextOrderReference(tx: Tx, at: Date): Promise<string> {
  const year = DateTime.fromJSDate(at, { zone: BUSINESS_ZONE }).year;
  const n = await nextDocumentNumber(tx, 'ORDER', year);
  return `CMD-${year}-${String(n).padStart(4, '0')}`;
}

/** An order as FINANCE prepares it: the choices, the amounts computed here (never typed), the window checked. */
@Injectable()
export class OrdersWriter implements ResourceWriter<'Order', CreateOrderDto, UpdateOrderDto> {
  createDto = CreateOrderDto;
  updateDto = UpdateOrderDto;

  constructor(private readonly config: AppConfig) {}

  async create(dto: CreateOrderDto, { tx }: WriteContext) {
    if (!(await tx.sponsor.findUnique({ where: { id: dto.sponsorId }, select: { id: true } }))) throw badRequest('Commanditaire inconnu.', { fields: { sponsorId: ['commanditaire inconnu'] } });
    const data = this.choices(dto, dto.validityYear);
    const now = new Date();
    return { record: await tx.order.create({ data: { ...data, sponsorId: dto.sponsorId, reference: await nextOrderReference(tx, now), status: 'DRAFT' } }) };
  }

  async update(id: string, dto: UpdateOrderDto, before: Order, { tx }: WriteContext) {
    if (before.status !== 'DRAFT') throw conflict(`Seul un brouillon se modifie (la commande ${before.reference} est « ${statusLabel(before.status)} »).`);
    if (dto.sponsorId !== undefined && dto.sponsorId !== before.sponsorId && !(await tx.sponsor.findUnique({ where: { id: dto.sponsorId }, select: { id: true } }))) {
      throw badRequest('Commanditaire inconnu.', { fields: { sponsorId: ['commanditaire inconnu'] } });
    }
    const merged = {
      bookletCount: dto.bookletCount ?? before.bookletCount,
      passValueCents: dto.passValueCents ?? before.passValueCents,
      validityYear: dto.validityYear ?? before.validityYear,
      allowedDepartements: dto.allowedDepartements ?? before.allowedDepartements,
      validFrom: dto.validFrom !== undefined ? dto.validFrom : before.validFrom ? DateTime.fromJSDate(before.validFrom, { zone: BUSINESS_ZONE }).toISODate()! : undefined,
      validUntil: dto.validUntil !== undefined ? dto.validUntil : before.validUntil ? DateTime.fromJSDate(before.validUntil, { zone: BUSINESS_ZONE }).toISODate()! : undefined,
    };
    const { count } = await tx.order.updateMany({
      where: { id, status: 'DRAFT' },
      data: { ...this.choices(merged, merged.validityYear), ...(dto.sponsorId ? { sponsorId: dto.sponsorId } : {}) },
    });
    if (count === 0) throw conflict('Cette commande vient de changer de statut : elle ne se modifie plus.');
    return { record: await tx.order.findUniqueOrThrow({ where: { id } }) };
  }

  /** The stored choices and amounts; VAT at the configured rate, frozen on the order. */
  private choices(dto: { bookletCount: number; passValueCents?: number; validityYear: number; allowedDepartements?: string[]; validFrom?: string; validUntil?: string }, validityYear: number) {
    const passValueCents = dto.passValueCents ?? PASS_VALUE_CENTS;
    const validFrom = dto.validFrom ? parisDay(dto.validFrom, 'validFrom') : null;
    const validUntil = dto.validUntil ? DateTime.fromJSDate(parisDay(dto.validUntil, 'validUntil'), { zone: BUSINESS_ZONE }).endOf('day').toJSDate() : null;
    if (validFrom && validUntil && validFrom > validUntil) throw badRequest('La fenêtre de validité se termine avant de commencer.', { fields: { validUntil: ['avant la date de début'] } });
    const yearOf = (d: Date) => DateTime.fromJSDate(d, { zone: BUSINESS_ZONE }).year;
    for (const [field, d] of [['validFrom', validFrom], ['validUntil', validUntil]] as const) {
      if (d && yearOf(d) !== validityYear && !(field === 'validUntil' && yearOf(d) === validityYear + 1 && d <= DateTime.fromObject({ year: validityYear + 1, month: 1, day: 31 }, { zone: BUSINESS_ZONE }).endOf('day').toJSDate())) {
        throw badRequest(`La fenêtre de validité doit tenir dans l’année ${validityYear} (et le mois de janvier suivant).`, { fields: { [field]: [`hors de l’année ${validityYear}`] } });
      }
    }
    return {
      bookletCount: dto.bookletCount,
      passValueCents,
      validityYear,
      allowedDepartements: [...new Set(dto.allowedDepartements ?? [])].sort(),
      validFrom,
      validUntil,
      ...orderAmounts(dto.bookletCount, passValueCents, undefined, this.config.VAT_RATE_BP),
    };
  }
}

/** The order's workflow (SPEC §3 "Orders"), booklets handed out or cancelled, passes cancelled: state, ledger and audit in one transaction. */
@Injectable()
export class EmissionService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: WritePath,
    private readonly jobs: JobRunner,
    private readonly config: AppConfig,
  ) {}

  /** Starts the issue job (booklets and passes); 202 with the run, its progress on job/issue-order. */
  async issue(id: string, user: StaffUser) {
    const order = await this.prisma.order.findUnique({ where: { id: typeof id === 'string' ? id.slice(0, 64) : '' } });
    if (!order) throw notFound('Commande introuvable.');
    if (!allows('orders', 'issue', order.status)) throw conflict(`Seul un brouillon s’émet (la commande ${order.reference} est « ${statusLabel(order.status)} »).`);
    const { run } = await this.jobs.trigger('issue-order', order.id, { type: 'STAFF', id: user.id, name: user.fullName, role: user.role });
    return { ...order, run };
  }

  async activate(id: string, user: StaffUser, dto: ActivateOrderDto) {
    const t = ORDER_WORKFLOW.activate;
    const { presented } = await this.writes.staff({ resource: ordersResource, id, user, action: 'activate' }, async (before, { tx }) => {
      if (!allows('orders', 'activate', before.status)) throw conflict(`Seule une commande émise, en attente de paiement, s’active (la commande ${before.reference} est « ${statusLabel(before.status)} »).`);
      const now = new Date();
      const { count } = await tx.order.updateMany({ where: { id, status: { in: [...t.from] } }, data: { status: t.to, activatedAt: now, paymentOrderNumber: dto.paymentOrderNumber } });
      if (count === 0) throw conflict('Cette commande vient de changer de statut.');
      const passes = await tx.pass.updateMany({ where: { orderId: id, status: 'INACTIVE' }, data: { status: 'ACTIVE' } });
      const order = await tx.order.findUniqueOrThrow({ where: { id } });
      if (passes.count * order.passValueCents !== order.faceValueCents) {
        throw conflict(`La commande ${order.reference} a ${passes.count} pass inactifs pour une valeur faciale de ${formatEuros(order.faceValueCents)} : émission incomplète, relancez-la.`);
      }
      await post(tx, { event: 'ORDER_ACTIVATED', resource: 'orders', recordId: id, at: now, lines: orderActivatedLines(order) });
      await createSponsorDocument(tx, 'SPONSOR_FEE_INVOICE', id, issuerFrom(this.config), now);
      return { record: order };
    });
    return presented;
  }

  async recordPayment(id: string, user: StaffUser, dto: RecordPaymentDto) {
    const receivedOn = parisDay(dto.receivedOn, 'receivedOn', { notAfterToday: true });
    const { presented } = await this.writes.staff({ resource: ordersResource, id, user, action: 'record-payment' }, async (before, ctx) => {
      const { tx } = ctx;
      if (!allows('orders', 'record-payment', before.status)) throw conflict(`Un paiement s’enregistre sur une commande émise (la commande ${before.reference} est « ${statusLabel(before.status)} »).`);
      const due = dueCents(before);
      if (dto.amountCents > due) {
        throw badRequest(`Le paiement (${formatEuros(dto.amountCents)}) dépasse ce qui reste dû sur la commande ${before.reference} (${formatEuros(due)}).`, { fields: { amountCents: [`au plus ${formatEuros(due)}`] } });
      }
      if (await tx.sponsorPayment.findUnique({ where: { orderId_bankReference: { orderId: id, bankReference: dto.bankReference } } })) {
        throw conflict(`Le paiement de référence bancaire « ${dto.bankReference} » est déjà enregistré sur cette commande.`, { fields: { bankReference: ['déjà enregistrée'] } });
      }
      const payment = await tx.sponsorPayment.create({
        data: { orderId: id, sponsorId: before.sponsorId, amountCents: dto.amountCents, receivedOn, bankReference: dto.bankReference, recordedById: user.id, recordedByName: user.fullName },
      });
      const order = await tx.order.update({ where: { id }, data: { paidCents: { increment: dto.amountCents } } });
      await post(tx, { event: 'SPONSOR_PAYMENT_RECEIVED', resource: 'sponsor-payments', recordId: payment.id, lines: sponsorPaymentLines(before.sponsorId, dto.amountCents) });
      ctx.changed({ resource: 'sponsor-payments', type: 'created', id: payment.id });
      return { record: order, audit: { before: { paidCents: before.paidCents }, after: { paidCents: order.paidCents, payment: { amountCents: payment.amountCents, receivedOn: dto.receivedOn, bankReference: payment.bankReference } } } };
    });
    return presented;
  }

  /** A draft or an unpaid issued order: its passes (never active) are cancelled with it. */
  async cancel(id: string, user: StaffUser, reason: string) {
    const t = ORDER_WORKFLOW.cancel;
    const { presented } = await this.writes.staff({ resource: ordersResource, id, user, action: 'cancel' }, async (before, { tx }) => {
      if (!allows('orders', 'cancel', before.status)) throw conflict(`Seule une commande en brouillon ou en attente de paiement s’annule (la commande ${before.reference} est « ${statusLabel(before.status)} »).`);
      if (before.paidCents > 0) throw conflict(`La commande ${before.reference} a déjà reçu ${formatEuros(before.paidCents)} : elle ne s’annule plus ainsi.`);
      const running = await tx.jobRun.findFirst({ where: { name: 'issue-order', key: id, status: 'RUNNING' } });
      if (running) throw conflict(`La commande ${before.reference} est en cours d’émission : attendez la fin pour l’annuler.`);
      const now = new Date();
      const { count } = await tx.order.updateMany({ where: { id, status: { in: [...t.from] } }, data: { status: t.to, cancelledAt: now, cancelReason: reason } });
      if (count === 0) throw conflict('Cette commande vient de changer de statut.');
      await tx.pass.updateMany({ where: { orderId: id, status: 'INACTIVE' }, data: { status: 'CANCELLED', cancelledAt: now, cancelReason: reason } });
      return { record: await tx.order.findUniqueOrThrow({ where: { id } }) };
    });
    return presented;
  }

  async handOut(id: string, user: StaffUser, dto: HandOutDto) {
    const handedOutAt = parisDay(dto.handedOutOn, 'handedOutOn', { notAfterToday: true });
    const { presented } = await this.writes.staff({ resource: bookletsResource, id, user, action: 'hand-out' }, async (before, { tx }) => {
      const order = await tx.order.findUniqueOrThrow({ where: { id: before.orderId } });
      this.assertHandable(order);
      if (before.handedOutAt) throw conflict(`Le carnet ${before.number} est déjà remis (par ${before.handedOutBy ?? '—'}).`);
      return { record: await tx.booklet.update({ where: { id }, data: { handedOutAt, handedOutBy: dto.handedOutBy } }) };
    });
    return presented;
  }

  /** Booklets "from"–"to" handed out on a day: all of one order, none missing, none already handed out; else nothing changes. */
  async handOutRange(user: StaffUser, dto: HandOutRangeDto) {
    const handedOutAt = parisDay(dto.handedOutOn, 'handedOutOn', { notAfterToday: true });
    const from = parseBookletNumber(dto.from);
    const to = parseBookletNumber(dto.to);
    if (!from) throw badRequest(`« ${dto.from.slice(0, 20)} » n’est pas un numéro de carnet (C-AAAA-NNNNNN).`, { fields: { from: ['numéro de carnet C-AAAA-NNNNNN'] } });
    if (!to) throw badRequest(`« ${dto.to.slice(0, 20)} » n’est pas un numéro de carnet (C-AAAA-NNNNNN).`, { fields: { to: ['numéro de carnet C-AAAA-NNNNNN'] } });
    if (from.year !== to.year) throw badRequest('Une plage de carnets reste dans une même année.', { fields: { to: ['autre année que le début'] } });
    if (to.sequence < from.sequence) throw badRequest('La plage se termine avant de commencer.', { fields: { to: ['avant le début de la plage'] } });
    const count = to.sequence - from.sequence + 1;
    if (count > MAX_HAND_OUT_RANGE) throw badRequest(`${MAX_HAND_OUT_RANGE} carnets au plus par plage (ici ${count}).`, { fields: { to: [`${MAX_HAND_OUT_RANGE} carnets au plus`] } });
    const fromNumber = bookletNumberOf(from.year, from.sequence);
    const toNumber = bookletNumberOf(to.year, to.sequence);
    const first = await this.prisma.booklet.findUnique({ where: { number: fromNumber }, select: { orderId: true } });
    if (!first) throw badRequest(`Le carnet ${fromNumber} n’existe pas.`, { fields: { from: ['carnet inconnu'] } });

    const { presented, handed } = await this.writes.staff({ resource: ordersResource, id: first.orderId, user, action: 'hand-out' }, async (order, ctx) => {
      const { tx } = ctx;
      this.assertHandable(order);
      const [found] = await tx.$queryRaw<{ n: number; others: number; already: number; firstAlready: string | null }[]>`
        SELECT count(*)::int AS n,
               count(*) FILTER (WHERE "orderId" <> ${order.id})::int AS others,
               count(*) FILTER (WHERE "handedOutAt" IS NOT NULL)::int AS already,
               min(number) FILTER (WHERE "handedOutAt" IS NOT NULL) AS "firstAlready"
          FROM "Booklet" WHERE number BETWEEN ${fromNumber} AND ${toNumber}`;
      if (found.n !== count) throw conflict(`La plage ${fromNumber} – ${toNumber} compte ${count} numéros mais ${found.n} carnet(s) existent : vérifiez les numéros.`, { fields: { to: ['carnets manquants dans la plage'] } });
      if (found.others > 0) throw conflict(`La plage ${fromNumber} – ${toNumber} couvre plusieurs commandes : remettez-la commande par commande (${order.reference} d’abord).`, { fields: { to: ['plusieurs commandes'] } });
      if (found.already > 0) throw conflict(`${found.already} carnet(s) de la plage sont déjà remis (dont ${found.firstAlready}) : rien n’a été enregistré.`, { fields: { from: ['carnets déjà remis'] } });
      const handed = await tx.$executeRaw`
        UPDATE "Booklet" SET "handedOutAt" = ${handedOutAt}, "handedOutBy" = ${dto.handedOutBy}, "updatedAt" = now()
         WHERE "orderId" = ${order.id} AND number BETWEEN ${fromNumber} AND ${toNumber} AND "handedOutAt" IS NULL`;
      ctx.changed({ resource: 'booklets', type: 'updated', id: first.orderId });
      return { record: order, handed, audit: { before: null, after: { from: fromNumber, to: toNumber, booklets: handed, handedOutOn: dto.handedOutOn, handedOutBy: dto.handedOutBy } } };
    });
    return { order: presented, count: handed, from: fromNumber, to: toNumber };
  }

  /** A lost or stolen booklet: its active passes are cancelled and credited back to the sponsor. */
  async cancelBooklet(id: string, user: StaffUser, reason: string) {
    const { presented } = await this.writes.staff({ resource: bookletsResource, id, user, action: 'cancel' }, async (before, ctx) => {
      const order = await ctx.tx.order.findUniqueOrThrow({ where: { id: before.orderId } });
      const cents = await this.cancelActivePasses(ctx, order, { bookletId: id }, reason, `le carnet ${before.number}`);
      return { record: before, audit: { before: null, after: { reason, creditedCents: cents } } };
    });
    return presented;
  }

  async cancelPass(id: string, user: StaffUser, reason: string) {
    const { presented } = await this.writes.staff({ resource: passesResource, id, user, action: 'cancel' }, async (before, ctx) => {
      if (!allows('passes', 'cancel', before.status)) {
        throw conflict(
          before.status === 'INACTIVE'
            ? 'Ce pass n’est pas encore actif : c’est la commande, tant qu’elle n’est pas payée, qui s’annule.'
            : `Seul un pass actif s’annule (celui-ci est « ${statusLabel(before.status)} »).`,
        );
      }
      const order = await ctx.tx.order.findUniqueOrThrow({ where: { id: before.orderId } });
      await this.cancelActivePasses(ctx, order, { id }, reason, `le pass ${before.barcode}`);
      return { record: await ctx.tx.pass.findUniqueOrThrow({ where: { id } }) };
    });
    return presented;
  }

  /** The sponsor's follow-up: booklets, passes by status and value, money, redemptions by month (Paris). */
  async followUp(sponsorId: string) {
    const sponsor = await this.prisma.sponsor.findUnique({ where: { id: typeof sponsorId === 'string' ? sponsorId.slice(0, 64) : '' }, select: { id: true } });
    if (!sponsor) throw notFound('Commanditaire introuvable.');
    const [[booklets], passes, [money], months] = await Promise.all([
      this.prisma.$queryRaw<{ issued: number; handedOut: number; started: number }[]>`
        SELECT count(*)::int AS issued, count(b."handedOutAt")::int AS "handedOut",
               count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Pass" p WHERE p."bookletId" = b.id AND p.status IN ('REDEEMED', 'ENDORSED', 'PAID')))::int AS started
          FROM "Booklet" b JOIN "Order" o ON o.id = b."orderId" WHERE o."sponsorId" = ${sponsorId} AND o.status <> 'CANCELLED'`,
      this.prisma.$queryRaw<{ status: string; count: number; valueCents: bigint }[]>`
        SELECT status::text, count(*)::int AS count, coalesce(sum("faceValueCents"), 0) AS "valueCents" FROM "Pass" WHERE "sponsorId" = ${sponsorId} GROUP BY status`,
      this.prisma.$queryRaw<{ owed: bigint; paid: bigint; credited: bigint }[]>`
        SELECT coalesce(sum("totalCents") FILTER (WHERE "activatedAt" IS NOT NULL AND status IN ('ACTIVE', 'CLOSED')), 0) AS owed,
               coalesce(sum("paidCents"), 0) AS paid,
               coalesce(sum("creditedCents"), 0) AS credited
          FROM "Order" WHERE "sponsorId" = ${sponsorId}`,
      this.prisma.$queryRaw<{ month: string; passes: number; valueCents: bigint }[]>`
        SELECT to_char(p."redeemedAt" AT TIME ZONE 'Europe/Paris', 'YYYY-MM') AS month, count(*)::int AS passes, sum(p."faceValueCents") AS "valueCents"
          FROM "Pass" p WHERE p."sponsorId" = ${sponsorId} AND p."redeemedAt" IS NOT NULL AND p.status IN ('REDEEMED', 'ENDORSED', 'PAID')
         GROUP BY 1 ORDER BY 1`,
    ]);
    const owedCents = Number(money.owed);
    const paidCents = Number(money.paid);
    const creditedCents = Number(money.credited);
    return {
      booklets: { issued: booklets.issued, handedOut: booklets.handedOut, notHandedOut: booklets.issued - booklets.handedOut, started: booklets.started },
      passes: Object.fromEntries(passes.map((p) => [p.status, { count: p.count, valueCents: Number(p.valueCents) }])),
      money: { owedCents, paidCents, creditedCents, dueCents: Math.max(0, owedCents - paidCents - creditedCents) },
      redemptionsByMonth: months.map((m) => ({ month: m.month, passes: m.passes, valueCents: Number(m.valueCents) })),
    };
  }

  private assertHandable(order: Order) {
    if (order.status === 'CANCELLED' || order.status === 'CLOSED' || order.status === 'DRAFT') {
      throw conflict(`Les carnets de la commande ${order.reference} (« ${statusLabel(order.status)} ») ne se remettent pas.`);
    }
  }

  /** Cancels the ACTIVE passes matched, credits their value to the sponsor (ledger + order), in the caller's transaction. */
  private async cancelActivePasses(ctx: WriteContext, order: Order, where: { id: string } | { bookletId: string }, reason: string, what: string): Promise<number> {
    const { tx } = ctx;
    const t = PASS_WORKFLOW.cancel;
    const passId = 'id' in where ? where.id : null;
    const bookletId = 'bookletId' in where ? where.bookletId : null;
    const rows = await tx.$queryRaw<{ n: number; cents: bigint | null }[]>`
      WITH cancelled AS (
        UPDATE "Pass" SET status = 'CANCELLED', "cancelledAt" = now(), "cancelReason" = ${reason}, "updatedAt" = now()
         WHERE status = 'ACTIVE' AND "orderId" = ${order.id}
           AND (${passId}::text IS NULL OR id = ${passId})
           AND (${bookletId}::text IS NULL OR "bookletId" = ${bookletId})
        RETURNING "faceValueCents"
      ) SELECT count(*)::int AS n, sum("faceValueCents") AS cents FROM cancelled`;
    const n = rows[0].n;
    const cents = Number(rows[0].cents ?? 0);
    if (n === 0) {
      const inactive = await tx.pass.count({ where: { orderId: order.id, status: 'INACTIVE', ...where } });
      throw conflict(
        inactive > 0
          ? `${what[0].toUpperCase()}${what.slice(1)} n’est pas encore actif : c’est la commande ${order.reference}, tant qu’elle n’est pas payée, qui s’annule.`
          : `${what[0].toUpperCase()}${what.slice(1)} n’a plus de pass actif à annuler (${t.from.join(', ')} seulement).`,
      );
    }
    await tx.order.update({ where: { id: order.id }, data: { creditedCents: { increment: cents } } });
    await post(tx, { event: 'PASSES_CANCELLED', resource: 'orders', recordId: order.id, lines: passesCreditedLines(order.sponsorId, cents) });
    ctx.changed({ resource: 'passes', type: 'updated', id: 'id' in where ? where.id : where.bookletId });
    return cents;
  }
}
