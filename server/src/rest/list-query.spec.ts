import { parseListQuery } from './list-query';

const options = { model: 'Structure', resource: 'structures', searchFields: ['name', 'city'], hiddenFields: [], defaultSort: ['name', 'ASC'] as ['name', 'ASC'] };

describe('react-admin list parameters to a Prisma query', () => {
  it('defaults to the first 25 rows in the default order, stable by id', () => {
    expect(parseListQuery({}, options)).toEqual({ where: {}, orderBy: [{ name: 'asc' }, { id: 'asc' }], skip: 0, take: 25, start: 0 });
  });

  it('turns range into skip/take and sort into orderBy', () => {
    const q = parseListQuery({ sort: '["createdAt","DESC"]', range: '[50,99]' }, options);
    expect(q.orderBy).toEqual([{ createdAt: 'desc' }, { id: 'desc' }]);
    expect([q.skip, q.take]).toEqual([50, 50]);
  });

  it('turns filters into exact, IN, has, range and search conditions with typed values', () => {
    const q = parseListQuery(
      { filter: JSON.stringify({ status: 'ELIGIBLE', departement: ['33', '69'], createdAt_gte: '2026-01-01', q: '50%' }) },
      options,
    );
    expect(q.where).toEqual({
      AND: [
        { status: 'ELIGIBLE' },
        { departement: { in: ['33', '69'] } },
        { createdAt: { gte: new Date('2025-12-31T23:00:00.000Z') } },
        { OR: [{ name: { contains: '50\\%', mode: 'insensitive' } }, { city: { contains: '50\\%', mode: 'insensitive' } }] },
      ],
    });
    const list = parseListQuery({ filter: JSON.stringify({ allowedDepartements: '33', bookletCount_lte: '12' }) }, { ...options, model: 'Order', searchFields: [], defaultSort: ['reference', 'ASC'] as ['reference', 'ASC'] });
    expect(list.where).toEqual({ AND: [{ allowedDepartements: { hasSome: ['33'] } }, { bookletCount: { lte: 12 } }] });
  });

  it('takes month totals (BigInt) past the 32-bit limit, and keeps Int columns to it', () => {
    const endorsements = { ...options, model: 'Endorsement', resource: 'endorsements', searchFields: [], defaultSort: ['period', 'DESC'] as ['period', 'DESC'] };
    expect(parseListQuery({ filter: '{"grossCents_gte":3000000000}' }, endorsements).where).toEqual({ AND: [{ grossCents: { gte: 3_000_000_000 } }] });
    expect(() => parseListQuery({ filter: '{"grossCents_gte":9007199254740993}' }, endorsements)).toThrow(/nombre entier/);
    expect(() => parseListQuery({ filter: '{"passCount_gte":3000000000}' }, endorsements)).toThrow(/nombre entier/);
  });

  it('refuses hidden fields as if they did not exist', () => {
    expect(() => parseListQuery({ filter: '{"passwordHash":"x"}' }, { ...options, model: 'User', searchFields: [], defaultSort: ['email', 'ASC'] as ['email', 'ASC'], hiddenFields: ['passwordHash'] })).toThrow(/Filtre inconnu/);
    expect(() => parseListQuery({ sort: '["passwordHash","ASC"]' }, { ...options, model: 'User', searchFields: [], defaultSort: ['email', 'ASC'] as ['email', 'ASC'], hiddenFields: ['passwordHash'] })).toThrow(/Tri impossible/);
  });

  it('allows null only on optional fields', () => {
    expect(parseListQuery({ filter: '{"suspendedAt":null}' }, options).where).toEqual({ AND: [{ suspendedAt: null }] });
    expect(() => parseListQuery({ filter: '{"name":null}' }, options)).toThrow(/non nulle/);
  });

  it('reads a bare day as a whole day in Paris, summer or winter', () => {
    const q = parseListQuery({ filter: JSON.stringify({ createdAt_gte: '2026-07-14', createdAt_lte: '2026-11-26' }) }, options);
    expect(q.where).toEqual({
      AND: [{ createdAt: { gte: new Date('2026-07-13T22:00:00.000Z') } }, { createdAt: { lte: new Date('2026-11-26T22:59:59.999Z') } }],
    });
    expect(() => parseListQuery({ filter: '{"createdAt_lte":"2026-02-30"}' }, options)).toThrow(/date/);
  });
});

describe('keys and values chosen by the client', () => {
  const offers = {
    model: 'Offer',
    resource: 'offers',
    searchFields: ['title'],
    hiddenFields: [],
    defaultSort: ['title', 'ASC'] as ['title', 'ASC'],
    customFilters: { departement: { accepts: { texts: { maxLength: 64 } }, where: (codes: string[]) => ({ structure: { departement: { in: codes } } }) } },
  };

  it('gives an extra filter only clean texts, never the client’s object', () => {
    expect(parseListQuery({ filter: '{"departement":"33"}' }, offers).where).toEqual({ AND: [{ structure: { departement: { in: ['33'] } } }] });
    expect(parseListQuery({ filter: '{"departement":["33","2A"]}' }, offers).where).toEqual({ AND: [{ structure: { departement: { in: ['33', '2A'] } } }] });
    expect(parseListQuery({ filter: '{"departement":" 33 "}' }, offers).where).toEqual({ AND: [{ structure: { departement: { in: ['33'] } } }] });
    for (const value of [{ startsWith: '3' }, ['33', { in: ['x'] }], 33, true, null, [], ['x'.repeat(65)], [''], ['  ']]) {
      expect(() => parseListQuery({ filter: JSON.stringify({ departement: value }) }, offers)).toThrow(/filtre « departement »/);
    }
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'])(
    'finds no filter, range or sort named %s on the prototype chain',
    (key) => {
      expect(() => parseListQuery({ filter: `{"${key}":{"structure":{"iban":{"startsWith":"FR"}}}}` }, offers)).toThrow(`Filtre inconnu « ${key} »`);
      expect(() => parseListQuery({ filter: `{"${key}_gte":"a"}` }, offers)).toThrow(/Filtre inconnu/);
      expect(() => parseListQuery({ sort: `["${key}","ASC"]` }, offers)).toThrow(/Tri impossible/);
    },
  );

  it('refuses null where Prisma would need a value: a range bound, inside a list, in a list column', () => {
    expect(() => parseListQuery({ filter: '{"signedCharterVersion_lte":null}' }, options)).toThrow(/borne/);
    expect(() => parseListQuery({ filter: '{"createdAt_gte":null}' }, options)).toThrow(/borne/);
    const orders = { ...options, model: 'Order', searchFields: [], defaultSort: ['reference', 'ASC'] as ['reference', 'ASC'] };
    expect(() => parseListQuery({ filter: '{"allowedDepartements":null}' }, orders)).toThrow(/null/);
    expect(() => parseListQuery({ filter: '{"allowedDepartements":[null]}' }, orders)).toThrow(/null/);
    expect(() => parseListQuery({ filter: JSON.stringify({ allowedDepartements: Array(1001).fill('33') }) }, orders)).toThrow(/trop de valeurs/);
    // A nullable column filtered on null alone is a real question: "not set".
    expect(parseListQuery({ filter: '{"signedCharterVersion":null}' }, options).where).toEqual({ AND: [{ signedCharterVersion: null }] });
  });

  it('refuses dates PostgreSQL cannot store, in French', () => {
    for (const value of ['0001-01-01', '-271821-04-20', '+275760-09-13T00:00:00Z']) {
      expect(() => parseListQuery({ filter: JSON.stringify({ createdAt_gte: value }) }, options)).toThrow(/date ISO 8601 entre 1900 et 9999/);
    }
  });

  it('refuses nesting, NUL and broken Unicode in every JSON parameter', () => {
    expect(() => parseListQuery({ filter: `{"name":${'['.repeat(100)}${']'.repeat(100)}}` }, options)).toThrow(/niveaux d’imbrication dans le paramètre « filter »/);
    expect(() => parseListQuery({ sort: `${'['.repeat(100)}${']'.repeat(100)}` }, options)).toThrow(/niveaux d’imbrication dans le paramètre « sort »/);
    expect(() => parseListQuery({ filter: '{"q":"a\\u0000"}' }, options)).toThrow(/Caractère nul/);
    expect(() => parseListQuery({ filter: '{"q":"\\ud800"}' }, options)).toThrow(/Unicode incomplet/);
  });
});
