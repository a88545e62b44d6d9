import Ajv, { ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { apticClient } from '../../admin/src/site/api/client';
import type { components } from '../../admin/src/site/api/openapi';
import { siretFor } from '../../server/src/rules/siret';
import { makeOrder } from '../scanning/support';
import { clientTypesOf, CLIENT_TYPES_FILE, openApiDocumentOf } from '../support/openapi';
import { startTestApp, TestApp } from '../support/test-app';

// The OpenAPI document is what a scanner-app vendor integrates with, and what the structure
// space's client is typed by (admin/src/site/api): it must describe every partner and public
// operation completely, and describe what the API really answers.

let t: TestApp;
let doc: Record<string, any>;
const validators = new Map<string, ValidateFunction>();

beforeAll(async () => {
  t = await startTestApp({ env: { PUBLIC_SUBMISSIONS_PER_HOUR: '1000' } });
  doc = await openApiDocumentOf(t);
});
afterAll(() => t.close());

const OPERATIONS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const outsideOperations = () =>
  Object.entries(doc.paths as Record<string, Record<string, any>>)
    .filter(([p]) => /^\/api\/(partner|public)\//.test(p))
    .flatMap(([p, item]) => OPERATIONS.filter((m) => item[m]).map((m) => ({ path: p, method: m, op: item[m] })));

/**
 * OpenAPI 3.0 schema → JSON Schema for Ajv: `nullable` becomes "or null", references point into the
 * document, and an object lists all its properties (an answer with an undocumented field fails).
 */
function jsonSchemaOf(schema: any): any {
  if (Array.isArray(schema)) return schema.map(jsonSchemaOf);
  if (!schema || typeof schema !== 'object') return schema;
  const out: any = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'nullable' || k === 'example') continue;
    if (k === '$ref') out.$ref = `doc${v as string}`;
    else if (k === 'properties') out.properties = Object.fromEntries(Object.entries(v as object).map(([name, s]) => [name, jsonSchemaOf(s)]));
    else out[k] = jsonSchemaOf(v);
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return schema.nullable ? { anyOf: [out, { type: 'null' }] } : out;
}

function validatorFor(pathTemplate: string, method: string, status: number): ValidateFunction {
  const key = `${method} ${pathTemplate} ${status}`;
  if (!validators.has(key)) {
    const response = doc.paths[pathTemplate]?.[method]?.responses?.[status];
    const schema = response?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`${key}: answer not described in the OpenAPI document`);
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema({ $id: 'doc', components: { schemas: jsonSchemaOf(doc.components.schemas) } });
    validators.set(key, ajv.compile(jsonSchemaOf(schema)));
  }
  return validators.get(key)!;
}

/** The answer is one the document describes for that operation and status. */
function expectDocumented(pathTemplate: string, method: string, status: number, body: unknown) {
  const validate = validatorFor(pathTemplate, method, status);
  const ok = validate(body);
  if (!ok) throw new Error(`${method.toUpperCase()} ${pathTemplate} ${status} differs from the document: ${JSON.stringify(validate.errors?.slice(0, 3))}\n${JSON.stringify(body).slice(0, 500)}`);
}

describe('the OpenAPI document', () => {
  it('gives every operation its own operationId', () => {
    const ids = Object.values(doc.paths as Record<string, Record<string, any>>).flatMap((item) => OPERATIONS.filter((m) => item[m]).map((m) => item[m].operationId));
    expect(ids.length).toBeGreaterThan(100);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('describes every partner and public operation completely: body, success, each error shape', () => {
    const operations = outsideOperations();
    expect(operations.length).toBeGreaterThanOrEqual(13);
    const gaps: string[] = [];
    for (const { path: p, method, op } of operations) {
      const name = `${method.toUpperCase()} ${p}`;
      if (['post', 'put'].includes(method) && !op.requestBody?.content?.['application/json']?.schema) gaps.push(`${name}: no request schema`);
      const statuses = Object.keys(op.responses ?? {}).map(Number);
      if (!statuses.some((s) => s >= 200 && s < 300)) gaps.push(`${name}: no success answer`);
      // Answers are JSON, but a file (a statement's PDF, the open-data CSV) is described by its own type.
      const file = (s: number) => op.responses[s].content?.['application/pdf']?.schema ?? op.responses[s].content?.['text/csv']?.schema;
      const described = (s: number) => op.responses[s].content?.['application/json']?.schema ?? (s < 300 ? file(s) : undefined);
      for (const s of statuses) if (s !== 204 && !described(s)) gaps.push(`${name}: ${s} without a schema`);
      if (p.startsWith('/api/partner/') && !statuses.includes(401)) gaps.push(`${name}: 401 not described`);
      if (['post', 'put'].includes(method) && !statuses.includes(400)) gaps.push(`${name}: 400 not described`);
    }
    expect(gaps).toEqual([]);
    const redeem = doc.paths['/api/partner/redemptions'].post;
    expect(redeem.parameters).toEqual([expect.objectContaining({ in: 'header', name: 'Idempotency-Key', required: false })]);
    expect(redeem.responses[422].content['application/json'].schema.$ref).toBe('#/components/schemas/RedemptionRefusedDto');
  });

  it('is what the structure space’s API types were generated from (npm run api:types)', async () => {
    const current = await clientTypesOf(doc);
    const kept = readFileSync(path.join(__dirname, '../..', CLIENT_TYPES_FILE), 'utf8');
    // If this fails, the API changed: run `npm run api:types` and commit admin/src/site/api/openapi.ts.
    expect(kept === current).toBe(true);
  });

  it('types a client that compiles against it (TypeScript, no error)', () => {
    const file = path.join(__dirname, 'openapi-contract.e2e.ts');
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      esModuleInterop: true,
      skipLibCheck: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      types: ['jest', 'node'],
    });
    const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.file && /admin\/src\/site\/api|openapi-contract/.test(d.file.fileName));
    expect(errors.map((d) => `${d.file!.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`)).toEqual([]);
  });
});

describe('the generated client against the running API', () => {
  it('applies, and a reviewer’s approval gives the key that redeems a pass; every answer is as documented', async () => {
    const api = apticClient({ baseUrl: t.baseUrl });
    const charter = await api.GET('/api/public/charter');
    expect(charter.response.status).toBe(200);
    expectDocumented('/api/public/charter', 'get', 200, charter.data);
    const questionnaire = await api.GET('/api/public/questionnaire');
    expectDocumented('/api/public/questionnaire', 'get', 200, questionnaire.data);
    const referential = await api.GET('/api/public/referential');
    expectDocumented('/api/public/referential', 'get', 200, referential.data);

    const body = {
      organisation: { name: 'Atelier numérique des Chartrons', siret: siretFor('512345678'), legalForm: 'Association loi 1901', addressLine: '12 rue Notre-Dame', postalCode: '33000', city: 'Bordeaux', departement: '33' },
      contact: { name: 'Inès Garnier', email: 'ines.garnier@chartrons.example.fr', phone: '05 56 11 22 33' },
      legalRepresentative: { name: 'Marc Garnier', role: 'Président' },
      bank: { holder: 'Atelier numérique des Chartrons', iban: 'FR7630004000031234567890143', bic: 'BNPAFRPPXXX' },
      answers: Object.fromEntries(questionnaire.data!.questions.map((q) => [q.code, q.options[0].value])),
      charter: { version: charter.data!.version, accepted: true as const, signatoryName: 'Marc Garnier', signatoryRole: 'Président' },
    };
    const wrongIban = await api.POST('/api/public/applications', { body: { ...body, bank: { ...body.bank, iban: 'FR76 3000 4000 0312 3456 7890 144' } } });
    expect(wrongIban.response.status).toBe(400);
    expect(wrongIban.error?.details?.fields?.['bank.iban']).toEqual([expect.stringMatching(/IBAN invalide/)]);
    expectDocumented('/api/public/applications', 'post', 400, wrongIban.error);
    const applied = await api.POST('/api/public/applications', { body });
    expect(applied.response.status).toBe(201);
    expectDocumented('/api/public/applications', 'post', 201, applied.data);
    expect(applied.data!.reference).toMatch(/^DEM-\d{4}-/);

    // A reviewer asks a question; the applicant answers with the reply token.
    const reviewer = `Bearer ${await t.token('REVIEWER')}`;
    const id = applied.data!.id;
    expect((await t.http.post(`/api/applications/${id}/claim`).set('Authorization', reviewer)).status).toBe(200);
    expect((await t.http.post(`/api/applications/${id}/hold`).set('Authorization', reviewer).send({ comment: 'Quels sont vos horaires d’accueil ?' })).status).toBe(200);
    // The reply link's page reads the question with the token (in a header, not in the address).
    const view = await api.GET('/api/public/applications/{id}', { params: { path: { id }, header: { 'X-Reply-Token': applied.data!.replyToken } } });
    expectDocumented('/api/public/applications/{id}', 'get', 200, view.data);
    expect(view.data).toEqual(expect.objectContaining({ status: 'ON_HOLD', awaitingReply: true, question: 'Quels sont vos horaires d’accueil ?' }));
    const peeked = await api.GET('/api/public/applications/{id}', { params: { path: { id }, header: { 'X-Reply-Token': 'rpl_guess' } } });
    expect(peeked.response.status).toBe(403);
    expectDocumented('/api/public/applications/{id}', 'get', 403, peeked.error);
    const replied = await api.POST('/api/public/applications/{id}/reply', { params: { path: { id } }, body: { token: applied.data!.replyToken, message: 'Du mardi au samedi, 9 h – 17 h.' } });
    expect(replied.response.status).toBe(200);
    expectDocumented('/api/public/applications/{id}/reply', 'post', 200, replied.data);
    const wrongToken = await api.POST('/api/public/applications/{id}/reply', { params: { path: { id } }, body: { token: 'rpl_wrong', message: 'x' } });
    expect(wrongToken.response.status).toBe(403);
    expectDocumented('/api/public/applications/{id}/reply', 'post', 403, wrongToken.error);

    await t.http.post(`/api/applications/${id}/claim`).set('Authorization', reviewer);
    const approved = await t.http.post(`/api/applications/${id}/approve`).set('Authorization', reviewer).send({});
    expect(approved.status).toBe(200);
    const partner = apticClient({ baseUrl: t.baseUrl, partnerKey: approved.body.partnerApiKey.key });

    const me = await partner.GET('/api/partner/me');
    expectDocumented('/api/partner/me', 'get', 200, me.data);
    expect(me.data!.status).toBe('ELIGIBLE');
    const serviceId = referential.data![0].services[0].id;
    const offer = await partner.POST('/api/partner/offers', { body: { serviceId, title: 'Créer son adresse courriel', priceCents: 1000, durationMinutes: 45 } });
    expect(offer.response.status).toBe(201);
    expectDocumented('/api/partner/offers', 'post', 201, offer.data);
    expect(offer.data!.status).toBe('APPROVED');
    const changed = await partner.PUT('/api/partner/offers/{id}', { params: { path: { id: offer.data!.id } }, body: { durationMinutes: 60 } });
    expectDocumented('/api/partner/offers/{id}', 'put', 200, changed.data);
    expectDocumented('/api/partner/offers', 'get', 200, (await partner.GET('/api/partner/offers')).data);
    const missing = await partner.GET('/api/partner/offers/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } });
    expect(missing.response.status).toBe(404);
    expectDocumented('/api/partner/offers/{id}', 'get', 404, missing.error);
    expectDocumented('/api/partner/subscription', 'get', 200, (await partner.GET('/api/partner/subscription')).data);
    const plans = await partner.GET('/api/partner/subscription/plans');
    expectDocumented('/api/partner/subscription/plans', 'get', 200, plans.data);
    expect(plans.data).toEqual([
      { plan: 'MONTHLY', feeCents: 840 },
      { plan: 'ANNUAL', feeCents: 9000 },
    ]);
    const kit = await partner.POST('/api/partner/subscription', { body: { plan: 'MONTHLY' } });
    expect(kit.response.status).toBe(201);
    expectDocumented('/api/partner/subscription', 'post', 201, kit.data);
    const signed = await partner.POST('/api/partner/charter-signature', { body: { charter: { version: charter.data!.version, accepted: true, signatoryName: 'Marc Garnier', signatoryRole: 'Président' } } });
    expectDocumented('/api/partner/charter-signature', 'post', signed.response.status, signed.response.ok ? signed.data : signed.error);

    // One redemption, its retry with the same Idempotency-Key, and the pass presented again.
    const order = await makeOrder(t.started.deps.db.prisma, { booklets: 1 });
    const barcode = order.booklets[0][0].barcode;
    const redeem = (key: string) =>
      partner.POST('/api/partner/redemptions', { params: { header: { 'Idempotency-Key': key } }, body: { offerId: offer.data!.id, barcodes: [barcode] } });
    const accepted = await redeem('caisse-1:0001');
    expect(accepted.response.status).toBe(201);
    expectDocumented('/api/partner/redemptions', 'post', 201, accepted.data);
    expect(accepted.data!.scans.map((s) => [s.barcode, s.outcome])).toEqual([[barcode, 'ACCEPTED']]);
    const retried = await redeem('caisse-1:0001');
    expect(retried.data).toEqual(accepted.data);
    const again = await redeem('caisse-1:0002');
    expect(again.response.status).toBe(422);
    expectDocumented('/api/partner/redemptions', 'post', 422, again.error);
    // A 422 of this operation is a refused redemption: each barcode with its reason.
    const refused = again.error as components['schemas']['RedemptionRefusedDto'];
    expect(refused.details.scans!.map((s) => s.reason)).toEqual(['PASS_ALREADY_USED']);
    const malformed = await partner.POST('/api/partner/redemptions', { body: { offerId: offer.data!.id, barcodes: [] } });
    expect(malformed.response.status).toBe(400);
    expectDocumented('/api/partner/redemptions', 'post', 400, malformed.error);

    // The history: newest first, each redemption with its scans.
    const history = await partner.GET('/api/partner/redemptions', { params: { query: { limit: '5' } } });
    expectDocumented('/api/partner/redemptions', 'get', 200, history.data);
    expect(history.data!.map((r) => [r.status, r.scans.map((s) => s.reason)])).toEqual([
      ['REJECTED', ['PASS_ALREADY_USED']],
      ['ACCEPTED', [null]],
    ]);
    const older = await partner.GET('/api/partner/redemptions', { params: { query: { before: history.data![0].createdAt } } });
    expect(older.data!.map((r) => r.id)).toEqual([history.data![1].id]);
    const badPage = await partner.GET('/api/partner/redemptions', { params: { query: { limit: '0' } } });
    expect(badPage.response.status).toBe(400);
    expectDocumented('/api/partner/redemptions', 'get', 400, badPage.error);

    const anonymous = await apticClient({ baseUrl: t.baseUrl }).GET('/api/partner/me');
    expect(anonymous.response.status).toBe(401);
    expectDocumented('/api/partner/me', 'get', 401, anonymous.error);
  });
});
