import { Injectable } from '@nestjs/common';
import { postalCodeMismatch } from '../geography/communes';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { StaffUser } from '../auth/staff-user';
import { hashToken } from '../auth/tokens';
import { AppErrorCode, AppException, badRequest, conflict, forbidden, notFound } from '../common/errors';
import { statusLabel } from '../common/labels';
import { requestContext } from '../common/request-context';
import { Prisma, PrismaClient } from '../generated/prisma/client';
import { issuePartnerKey } from '../partner/partner-keys';
import { ResourceService } from '../rest/resource.service';
import { isValidBic, isValidIban } from '../rules/bank';
import { isValidSiret } from '../rules/siret';
import { allows, APPLICATION_WORKFLOW } from '../rules/workflows';
import { WritePath } from '../writes/write-path';
import { approvalRefusal, mayDecide, QUALIFIED, siretQualifiesOnce } from './applications.rules';
import { CurrentVersions } from './charters.service';
import { ApproveApplicationDto, HoldApplicationDto, ReassignApplicationDto, RejectApplicationDto, ReplyToHoldDto, SubmitApplicationDto } from './dto/application.dto';
import { applicationsResource } from './eligibility.resources';
import { requestBankChangeFromReply } from './structures.writers';
import { questionsOf, scoreAnswers } from './questionnaire.rules';

const PENDING = ['SUBMITTED', 'IN_REVIEW', 'ON_HOLD'] as const;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function newReference(now = new Date()) {
  const bytes = randomBytes(6);
  const suffix = [...bytes].map((b) => CROCKFORD[b % 32]).join('');
  return `DEM-${now.getUTCFullYear()}-${suffix}`;
}

function sameToken(token: string, hash: string | null): boolean {
  if (!hash) return false;
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * Eligibility (SPEC §1 step 2, §3): submission by a structure, claim by a reviewer, approval,
 * rejection, hold and reply. Every transition is one audited transaction; state changes are
 * conditional updates, so two reviewers acting at once cannot both win.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: WritePath,
    private readonly resources: ResourceService,
    private readonly current: CurrentVersions,
  ) {}

  // ── Public ──

  async submit(dto: SubmitApplicationDto) {
    const [charter, questionnaire] = await Promise.all([this.current.charter(), this.current.questionnaire()]);
    if (!charter || !questionnaire) throw new AppException(AppErrorCode.CONFLICT, 'Les candidatures ne sont pas ouvertes : aucune charte ou aucun questionnaire publié.');
    const fields: Record<string, string[]> = {};
    if (dto.charter.version !== charter.version) {
      fields['charter.version'] = [`la charte en vigueur est la version ${charter.version} : lisez-la (GET /api/public/charter) et signez celle-ci`];
    }
    const scoring = scoreAnswers(questionsOf(questionnaire.questions), dto.answers);
    for (const [field, message] of Object.entries(scoring.errors)) fields[field] = [message];
    const address = postalCodeMismatch(dto.organisation.postalCode, dto.organisation.departement);
    if (address) fields['organisation.postalCode'] = [address.message];
    if (Object.keys(fields).length) {
      throw new AppException(AppErrorCode.VALIDATION_FAILED, `Données invalides — ${Object.entries(fields).map(([f, m]) => `${f} : ${m.join(', ')}`).join(' ; ')}`, { fields, ...(address ? { communes: address.communes } : {}) });
    }
    const org = dto.organisation;
    requestContext.setActor({ type: 'PUBLIC', name: `Candidature : ${org.name}` });
    const replyToken = `rpl_${randomBytes(24).toString('base64url')}`;
    try {
      const { record: application } = await this.writes.outsideCreate({ resource: applicationsResource, action: 'submit', by: { kind: 'public' } }, async (ctx) => {
        const { tx } = ctx;
        const existing = await tx.structure.findUnique({ where: { siret: org.siret } });
        if (existing && !siretQualifiesOnce(existing.status)) {
          throw conflict(`La structure au SIRET ${org.siret} est déjà APTICulteur : un SIRET n'est qualifié qu'une fois.`, { fields: { 'organisation.siret': ['déjà qualifié'] } });
        }
        const pending = await tx.application.findFirst({ where: { siret: org.siret, status: { in: [...PENDING] } } });
        if (pending) throw this.alreadyPending(org.siret, pending.reference);
        const structureData = {
          name: org.name,
          legalForm: org.legalForm,
          addressLine: org.addressLine,
          postalCode: org.postalCode,
          city: org.city,
          departement: org.departement,
          website: org.website || null,
          email: dto.contact.email,
          phone: dto.contact.phone ?? null,
          legalRepName: dto.legalRepresentative.name,
          legalRepRole: dto.legalRepresentative.role ?? null,
          bankHolder: dto.bank.holder,
          iban: dto.bank.iban,
          bic: dto.bank.bic,
        };
        // An earlier (rejected) structure keeps its data until a reviewer approves the new application.
        const structure = existing
          ? await tx.structure.update({
              // Its bank details are the application's from the start: an applicant is never paid,
              // and approval does not copy them (later changes go through the four-eyes rule).
              where: { id: existing.id },
              data: { status: 'APPLICANT', bankHolder: structureData.bankHolder, iban: structureData.iban, bic: structureData.bic },
            })
          : await tx.structure.create({ data: { ...structureData, siret: org.siret, status: 'APPLICANT' } });
        const created = await tx.application.create({
          data: {
            reference: newReference(),
            organisationName: org.name,
            siret: org.siret,
            legalForm: org.legalForm,
            addressLine: org.addressLine,
            postalCode: org.postalCode,
            city: org.city,
            departement: org.departement,
            contactName: dto.contact.name,
            contactEmail: dto.contact.email,
            contactPhone: dto.contact.phone ?? null,
            legalRepName: dto.legalRepresentative.name,
            legalRepRole: dto.legalRepresentative.role ?? null,
            bankHolder: dto.bank.holder,
            iban: dto.bank.iban,
            bic: dto.bank.bic,
            questionnaireId: questionnaire.id,
            answers: dto.answers,
            score: scoring.score,
            scoreThreshold: questionnaire.threshold,
            charterId: charter.id,
            replyTokenHash: hashToken(replyToken),
            structureId: structure.id,
          },
        });
        const signature = await tx.charterSignature.create({
          data: { charterId: charter.id, applicationId: created.id, structureId: structure.id, signatoryName: dto.charter.signatoryName, signatoryRole: dto.charter.signatoryRole ?? null },
        });
        await ctx.record({ action: 'create', resource: 'charter-signatures', recordId: signature.id, after: signature });
        if (existing) await ctx.record({ action: 'reapply', resource: 'structures', recordId: structure.id, before: existing, after: structure });
        else await ctx.record({ action: 'create', resource: 'structures', recordId: structure.id, after: structure });
        return { record: created };
      });
      return {
        id: application.id,
        reference: application.reference,
        status: application.status,
        submittedAt: application.submittedAt,
        replyToken,
        message: `Demande ${application.reference} reçue. Conservez le jeton de réponse : il vous sera demandé si l'équipe APTIC a besoin d'informations.`,
      };
    } catch (error) {
      // Two submissions for one SIRET at the same instant: the partial unique index decides.
      if (isUniqueViolation(error)) throw this.alreadyPending(org.siret);
      throw error;
    }
  }

  /** What the reply link's page shows its holder (the reply token): the reference, the state, the reviewer's question. */
  async forApplicant(id: string, token: string | undefined) {
    const application = await this.prisma.application.findUnique({
      where: { id: typeof id === 'string' && id.length <= 64 ? id : '' },
      select: { id: true, reference: true, organisationName: true, status: true, holdComment: true, replyTokenHash: true },
    });
    if (!application || typeof token !== 'string' || !sameToken(token, application.replyTokenHash)) throw forbidden('Demande inconnue ou jeton de réponse invalide.');
    const awaitingReply = allows('applications', 'reply', application.status);
    return {
      id: application.id,
      reference: application.reference,
      organisationName: application.organisationName,
      status: application.status,
      statusLabel: statusLabel(application.status),
      awaitingReply,
      question: awaitingReply ? application.holdComment : null,
    };
  }

  async reply(id: string, dto: ReplyToHoldDto) {
    const application = await this.prisma.application.findUnique({ where: { id: typeof id === 'string' && id.length <= 64 ? id : '' } });
    if (!application || !sameToken(dto.token, application.replyTokenHash)) throw forbidden('Demande inconnue ou jeton de réponse invalide.');
    if (!allows('applications', 'reply', application.status)) throw conflict(`Cette demande n'attend pas de réponse (elle est « ${statusLabel(application.status)} »).`);
    const charter = dto.charter ? await this.current.charter() : null;
    if (dto.charter && dto.charter.version !== charter?.version) {
      throw badRequest(`La charte en vigueur est la version ${charter?.version ?? '?'} : signez celle-ci.`, { fields: { 'charter.version': ['pas la version en vigueur'] } });
    }
    requestContext.setActor({ type: 'PUBLIC', name: `Candidature : ${application.organisationName}` });
    const { record: updated } = await this.writes.outside({ resource: applicationsResource, id, action: 'reply', by: { kind: 'public' } }, async (_before, ctx) => {
      const data: Prisma.ApplicationUncheckedUpdateManyInput = { status: APPLICATION_WORKFLOW.reply.to, replyMessage: dto.message, repliedAt: new Date() };
      if (dto.bank) {
        Object.assign(data, { bankHolder: dto.bank.holder, iban: dto.bank.iban, bic: dto.bank.bic });
        // The structure's own correction follows the four-eyes rule (issue 10): its bank details
        // stay as submitted until ADMIN or FINANCE confirms the change, after approval or before.
        await requestBankChangeFromReply(ctx, application, { bankHolder: dto.bank.holder, iban: dto.bank.iban, bic: dto.bank.bic });
      }
      if (dto.charter && charter) {
        // Re-signature after a new charter version: the application now carries the one in force.
        const signature = await ctx.tx.charterSignature.create({
          data: { charterId: charter.id, applicationId: id, structureId: application.structureId, signatoryName: dto.charter.signatoryName, signatoryRole: dto.charter.signatoryRole ?? null },
        });
        await ctx.record({ action: 'create', resource: 'charter-signatures', recordId: signature.id, after: signature });
        data.charterId = charter.id;
      }
      const { count } = await ctx.tx.application.updateMany({ where: { id, status: { in: [...APPLICATION_WORKFLOW.reply.from] } }, data });
      if (count === 0) throw conflict('Cette demande vient de changer de statut : elle n’attend plus de réponse.');
      return { record: await ctx.tx.application.findUniqueOrThrow({ where: { id } }) };
    });
    return { id: updated.id, reference: updated.reference, status: updated.status, message: 'Réponse transmise : votre demande est de nouveau en cours d’instruction.' };
  }

  // ── Staff workflow ──

  async claim(id: string, user: StaffUser) {
    const t = APPLICATION_WORKFLOW.claim;
    const { presented } = await this.writes.staff({ resource: applicationsResource, id, user, action: 'claim' }, async (before, { tx }) => {
      const { count } = await tx.application.updateMany({ where: { id, status: { in: [...t.from] } }, data: { status: t.to, assigneeId: user.id, claimedAt: new Date() } });
      if (count === 0) throw await this.cannot(tx, before.id, 'prendre en charge');
      return { record: await tx.application.findUniqueOrThrow({ where: { id } }) };
    });
    return presented;
  }

  /**
   * "Réattribuer": a claimed application (in review or on hold) goes to another holder — oneself
   * (taking over from an absent colleague) or an active colleague who reviews (REVIEWER or ADMIN).
   * The status stays; the audit event keeps the former and the new holder.
   */
  async reassign(id: string, user: StaffUser, dto: ReassignApplicationDto) {
    const t = APPLICATION_WORKFLOW.reassign;
    if (!allows('applications', 'reassign', t.from[0], user.role)) throw forbidden('Seuls les relecteurs et les administrateurs réattribuent une demande.');
    const assignee = await this.prisma.user.findUnique({ where: { id: dto.assigneeId }, select: { id: true, fullName: true, role: true, active: true } });
    if (!assignee) throw badRequest('Ce membre de l’équipe est inconnu.', { fields: { assigneeId: ['membre de l’équipe inconnu'] } });
    if (!assignee.active) throw badRequest(`${assignee.fullName} n’est plus actif : choisissez un autre membre de l’équipe.`, { fields: { assigneeId: ['compte désactivé'] } });
    if (!(t.roles as readonly string[]).includes(assignee.role)) {
      throw badRequest(`${assignee.fullName} n’instruit pas les demandes : choisissez un relecteur ou un administrateur.`, { fields: { assigneeId: ['ni relecteur ni administrateur'] } });
    }
    const { presented } = await this.writes.staff({ resource: applicationsResource, id, user, action: 'reassign' }, async (before, { tx }) => {
      if (!allows('applications', 'reassign', before.status)) {
        throw conflict(`Seule une demande prise en charge se réattribue ; celle-ci est « ${statusLabel(before.status)} »${before.status === 'SUBMITTED' ? ' : prenez-la en charge' : ''}.`, { status: before.status });
      }
      if (before.assigneeId === assignee.id) throw conflict(`La demande est déjà prise en charge par ${assignee.fullName}.`, { assigneeId: assignee.id });
      const { count } = await tx.application.updateMany({
        where: { id, status: { in: [...t.from] }, assigneeId: before.assigneeId },
        data: { assigneeId: assignee.id, claimedAt: new Date() },
      });
      if (count === 0) throw await this.cannot(tx, before.id, 'réattribuer');
      return { record: await tx.application.findUniqueOrThrow({ where: { id } }) };
    });
    return presented;
  }

  async hold(id: string, user: StaffUser, dto: HoldApplicationDto) {
    const t = APPLICATION_WORKFLOW.hold;
    const { presented } = await this.writes.staff({ resource: applicationsResource, id, user, action: 'hold' }, async (before, { tx }) => {
      this.assertReviewer(before.assigneeId, user);
      const { count } = await tx.application.updateMany({ where: { id, status: { in: [...t.from] } }, data: { status: t.to, holdComment: dto.comment } });
      if (count === 0) throw await this.cannot(tx, before.id, 'mettre en attente');
      return { record: await tx.application.findUniqueOrThrow({ where: { id } }) };
    });
    return presented;
  }

  async reject(id: string, user: StaffUser, dto: RejectApplicationDto) {
    const t = APPLICATION_WORKFLOW.reject;
    const { presented } = await this.writes.staff({ resource: applicationsResource, id, user, action: 'reject' }, async (before, ctx) => {
      const { tx } = ctx;
      this.assertReviewer(before.assigneeId, user);
      const { count } = await tx.application.updateMany({
        where: { id, status: { in: [...t.from] } },
        data: { status: t.to, rejectionReason: dto.reason, decisionComment: dto.comment, decidedById: user.id, decidedAt: new Date() },
      });
      if (count === 0) throw await this.cannot(tx, before.id, 'refuser');
      if (before.structureId) {
        const structure = await tx.structure.findUnique({ where: { id: before.structureId } });
        if (structure?.status === 'APPLICANT') {
          const after = await tx.structure.update({ where: { id: structure.id }, data: { status: 'REJECTED' } });
          await ctx.record({ action: 'reject', resource: 'structures', recordId: structure.id, before: structure, after });
        }
      }
      return { record: await tx.application.findUniqueOrThrow({ where: { id } }) };
    });
    return presented;
  }

  /**
   * Approval (SPEC §3): signature of the charter in force, a valid SIRET not already qualified,
   * valid bank details. The structure becomes ELIGIBLE and gets its partner API key, returned
   * here once (stored hashed).
   */
  async approve(id: string, user: StaffUser, dto: ApproveApplicationDto) {
    const t = APPLICATION_WORKFLOW.approve;
    const { presented, key } = await this.writes.staff({ resource: applicationsResource, id, user, action: 'approve' }, async (before, ctx) => {
      const { tx } = ctx;
      this.assertReviewer(before.assigneeId, user);
      if (!allows('applications', 'approve', before.status)) throw await this.cannot(tx, before.id, 'approuver');
      const [charter, signed] = await Promise.all([this.current.charter(tx), tx.charter.findUnique({ where: { id: before.charterId } })]);
      const refusal = approvalRefusal({ ...before, comment: dto.comment, signedCharterVersion: signed?.version ?? null, charterInForceVersion: charter?.version ?? null });
      if (refusal?.code === 'CHARTER_OUTDATED') {
        throw conflict(`La demande a signé la charte version ${refusal.signedVersion ?? '?'} ; la version en vigueur est la ${refusal.currentVersion ?? '?'}. Mettez la demande en attente pour une nouvelle signature.`);
      }
      if (refusal?.code === 'INVALID_IDENTIFIERS') throw new AppException(AppErrorCode.UNPROCESSABLE, `Approbation impossible : ${refusal.problems.join(', ')}. Mettez la demande en attente pour correction.`);
      if (refusal?.code === 'JUSTIFICATION_REQUIRED') {
        throw badRequest(`Le score (${refusal.score}) est sous le seuil (${refusal.threshold}) : justifiez l'approbation par un commentaire.`, { fields: { comment: ['obligatoire sous le seuil'] } });
      }
      const now = new Date();
      const { count } = await tx.application.updateMany({
        where: { id, status: { in: [...t.from] } },
        data: { status: t.to, decidedById: user.id, decidedAt: now, decisionComment: dto.comment ?? null },
      });
      if (count === 0) throw await this.cannot(tx, before.id, 'approuver');

      // The SIRET qualifies once: only a structure not yet qualified can become ELIGIBLE.
      const structureBefore = await tx.structure.findUnique({ where: { siret: before.siret } });
      const promoted =
        structureBefore && siretQualifiesOnce(structureBefore.status)
          ? await tx.structure.updateMany({
              where: { id: structureBefore.id, status: { notIn: [...QUALIFIED] } },
              data: {
                status: 'ELIGIBLE',
                eligibleAt: now,
                name: before.organisationName,
                legalForm: before.legalForm,
                addressLine: before.addressLine,
                postalCode: before.postalCode,
                city: before.city,
                departement: before.departement,
                email: before.contactEmail,
                phone: before.contactPhone ?? structureBefore.phone,
                legalRepName: before.legalRepName,
                legalRepRole: before.legalRepRole ?? null,
                signedCharterVersion: charter!.version,
                charterResignatureNeeded: false,
              },
            })
          : { count: 0 };
      if (!structureBefore || promoted.count === 0) {
        throw conflict(`Le SIRET ${before.siret} est déjà qualifié (APTICulteur) : une autre demande vient d'être approuvée. Refusez celle-ci comme doublon.`);
      }
      const structure = await tx.structure.findUniqueOrThrow({ where: { id: structureBefore.id } });
      await ctx.record({ action: 'approve', resource: 'structures', recordId: structure.id, before: structureBefore, after: structure });
      // Its first place is its address, so the public directory lists it once it has an approved
      // offer (SPEC "Public directory"); staff or the structure add or correct places later.
      if ((await tx.location.count({ where: { structureId: structure.id } })) === 0) {
        const place = await tx.location.create({
          data: { structureId: structure.id, name: structure.name, addressLine: structure.addressLine, postalCode: structure.postalCode, city: structure.city, departement: structure.departement },
        });
        await ctx.record({ action: 'create', resource: 'locations', recordId: place.id, after: place, change: 'created' });
      }
      const key = await issuePartnerKey(tx, structure.id, user.id);
      await ctx.record({ action: 'issue-api-key', resource: 'structures', recordId: structure.id, after: { apiKeyPrefix: key.prefix }, change: 'updated' });
      return { record: await tx.application.findUniqueOrThrow({ where: { id } }), key };
    });
    return {
      ...presented,
      partnerApiKey: { key: key.key, prefix: key.prefix, notice: 'Clé partenaire affichée une seule fois : transmettez-la à la structure.' },
    };
  }

  /** What a reviewer checks before deciding: score per answer, charter, identifiers, duplicates. */
  async checks(id: string, user: StaffUser) {
    const app = await this.resources.findRaw(applicationsResource, id, user);
    const [questionnaire, signedCharter, currentCharter, sameSiretStructure, sameIbanStructures, otherApplications] = await Promise.all([
      this.prisma.questionnaire.findUnique({ where: { id: app.questionnaireId } }),
      this.prisma.charter.findUnique({ where: { id: app.charterId } }),
      this.current.charter(),
      this.prisma.structure.findUnique({ where: { siret: app.siret }, select: { id: true, name: true, status: true } }),
      this.prisma.structure.findMany({ where: { iban: app.iban, siret: { not: app.siret } }, select: { id: true, name: true, siret: true, status: true } }),
      this.prisma.application.findMany({ where: { siret: app.siret, id: { not: id } }, select: { id: true, reference: true, status: true, submittedAt: true }, orderBy: { submittedAt: 'desc' } }),
    ]);
    const scoring = scoreAnswers(questionsOf(questionnaire?.questions), app.answers);
    // Each warning has a code (for a console in another language) and a French message.
    const warningDetails: { code: string; message: string }[] = [];
    // Once this application is approved, the qualified structure is its own: nothing to warn about.
    const qualifiedElsewhere = sameSiretStructure && !siretQualifiesOnce(sameSiretStructure.status) && app.status !== 'APPROVED' ? sameSiretStructure : null;
    if (qualifiedElsewhere) warningDetails.push({ code: 'SIRET_ALREADY_QUALIFIED', message: `SIRET déjà qualifié : ${qualifiedElsewhere.name}` });
    for (const s of sameIbanStructures) warningDetails.push({ code: 'SAME_IBAN', message: `Même IBAN que ${s.name} (SIRET ${s.siret})` });
    if (otherApplications.length) warningDetails.push({ code: 'OTHER_APPLICATIONS', message: `${otherApplications.length} autre(s) demande(s) avec ce SIRET` });
    if (signedCharter?.id !== currentCharter?.id) warningDetails.push({ code: 'CHARTER_OUTDATED', message: `Charte signée en version ${signedCharter?.version}, version en vigueur ${currentCharter?.version}` });
    if (app.score < app.scoreThreshold) warningDetails.push({ code: 'SCORE_BELOW_THRESHOLD', message: `Score ${app.score} sous le seuil ${app.scoreThreshold}` });
    return {
      id,
      score: { score: app.score, threshold: app.scoreThreshold, maxScore: scoring.maxScore, passes: app.score >= app.scoreThreshold, answers: scoring.details, questionnaireVersion: questionnaire?.version },
      charter: { signedVersion: signedCharter?.version ?? null, currentVersion: currentCharter?.version ?? null, upToDate: signedCharter?.id === currentCharter?.id },
      siret: { value: app.siret, valid: isValidSiret(app.siret), qualifiedStructure: qualifiedElsewhere },
      bank: { holder: app.bankHolder, ibanValid: isValidIban(app.iban), bicValid: isValidBic(app.bic), sameIbanStructures },
      otherApplications,
      warnings: warningDetails.map((w) => w.message),
      warningDetails,
    };
  }

  // ── helpers ──

  private assertReviewer(assigneeId: string | null, user: StaffUser) {
    if (!mayDecide(assigneeId, user)) {
      throw conflict('Cette demande est prise en charge par un autre relecteur : seul lui (ou un administrateur) peut la décider.', { assigneeId });
    }
  }

  /** Why a transition did not happen: someone else got there first, or the status does not allow it. */
  private async cannot(tx: Prisma.TransactionClient, id: string, verb: string) {
    const now = await tx.application.findUnique({ where: { id }, include: { assignee: { select: { fullName: true } } } });
    if (!now) return notFound('Demande introuvable.');
    if (now.status === 'IN_REVIEW' && verb === 'prendre en charge') {
      return conflict(`Demande déjà prise en charge par ${now.assignee?.fullName ?? 'un autre relecteur'}.`, { status: now.status, assigneeId: now.assigneeId });
    }
    return conflict(`Impossible de ${verb} une demande « ${statusLabel(now.status)} ».`, { status: now.status });
  }

  private alreadyPending(siret: string, reference?: string) {
    return conflict(`Une demande est déjà en cours pour le SIRET ${siret}${reference ? ` (référence ${reference})` : ''}.`, { fields: { 'organisation.siret': ['demande déjà en cours'] } });
  }
}
