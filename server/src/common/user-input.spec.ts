import { inputRefusal, inspectInput, MAX_INPUT_DEPTH, MAX_INPUT_NODES, PROTOTYPE_KEYS } from './user-input';

const nestArrays = (depth: number): unknown => {
  let value: unknown = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
};
const nestObjects = (depth: number): unknown => {
  let value: unknown = {};
  for (let i = 1; i < depth; i++) value = { a: value };
  return value;
};

describe('inspecting what a client sent', () => {
  it.each([
    ['a flat object', { a: 1, b: 'texte', c: [1, 2], d: null }, null],
    ['accents and emoji', { nom: 'Médiathèque 😀', ville: 'Besançon' }, null],
    ['a NUL in a value', { a: ['x', 'y\u0000'] }, { kind: 'nul', path: 'a[1]' }],
    ['a NUL in a key', { 'a\u0000': 1 }, { kind: 'nul', path: 'a\u0000' }],
    ['a lone high surrogate', { contact: { email: 'a\ud800@b.fr' } }, { kind: 'surrogate', path: 'contact.email' }],
    ['a lone low surrogate', ['\udc00'], { kind: 'surrogate', path: '[0]' }],
    ['a surrogate pair reversed', { a: '\udc00\ud800' }, { kind: 'surrogate', path: 'a' }],
    ['a lone surrogate in a key', { '\ud800': 1 }, { kind: 'surrogate', path: '\ud800' }],
  ])('%s', (_name, value, expected) => {
    expect(inspectInput(value)).toEqual(expected);
  });

  it.each([...PROTOTYPE_KEYS])('refuses the key %s in bodies, with its path, and lets list parameters name it themselves', (key) => {
    const body = JSON.parse(`{"organisation":{"${key}":{"x":1}}}`);
    expect(inspectInput(body, { prototypeKeys: true })).toEqual({ kind: 'prototype-key', path: `organisation.${key}` });
    expect(inspectInput(body)).toBeNull();
  });

  it('counts depth exactly: the limit is accepted, one more level is refused', () => {
    expect(inspectInput(nestArrays(MAX_INPUT_DEPTH))).toBeNull();
    expect(inspectInput(nestArrays(MAX_INPUT_DEPTH + 1))).toEqual({ kind: 'depth', maxDepth: MAX_INPUT_DEPTH });
    expect(inspectInput(nestObjects(MAX_INPUT_DEPTH))).toBeNull();
    expect(inspectInput(nestObjects(MAX_INPUT_DEPTH + 1))).toEqual({ kind: 'depth', maxDepth: MAX_INPUT_DEPTH });
  });

  it.each([1_000, 100_000, 1_000_000])('walks %i levels without exhausting the stack', (depth) => {
    expect(inspectInput(nestArrays(depth))).toEqual({ kind: 'depth', maxDepth: MAX_INPUT_DEPTH });
    expect(inspectInput(nestObjects(depth))).toEqual({ kind: 'depth', maxDepth: MAX_INPUT_DEPTH });
  });

  it('refuses binary data without walking it byte by byte', () => {
    expect(inspectInput(['lock', Buffer.alloc(1_000_000)])).toEqual({ kind: 'binary', path: '[1]' });
    expect(inspectInput({ a: new Uint8Array(10) })).toEqual({ kind: 'binary', path: 'a' });
    expect(inspectInput([new ArrayBuffer(8)])).toEqual({ kind: 'binary', path: '[0]' });
  });

  it('stops after MAX_INPUT_NODES values, however flat the input', () => {
    expect(inspectInput(Array(MAX_INPUT_NODES - 1).fill(1))).toBeNull();
    expect(inspectInput(Array(MAX_INPUT_NODES).fill(1))).toEqual({ kind: 'size', maxNodes: MAX_INPUT_NODES });
    expect(inspectInput(Object.fromEntries(Array.from({ length: MAX_INPUT_NODES }, (_, i) => [`k${i}`, i])))).toEqual({ kind: 'size', maxNodes: MAX_INPUT_NODES });
  });

  it('turns each problem into a French 400 a person can act on', () => {
    expect(inputRefusal({ kind: 'depth', maxDepth: 32 }).message).toBe('Trop de niveaux d’imbrication dans les données : 32 au plus.');
    expect(inputRefusal({ kind: 'depth', maxDepth: 32 }, 'le paramètre « filter »').message).toBe('Trop de niveaux d’imbrication dans le paramètre « filter » : 32 au plus.');
    expect(inputRefusal({ kind: 'surrogate', path: 'contact.email' }).details).toEqual({ fields: { 'contact.email': ['caractère Unicode incomplet'] } });
    const key = inputRefusal({ kind: 'prototype-key', path: '__proto__' });
    expect(key.status).toBe(400);
    expect(Object.keys(key.details!.fields as object)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(key.details!.fields)).toBe(Object.prototype);
  });
});
