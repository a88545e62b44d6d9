import { AppErrorCode, AppException, badRequest } from './errors';

/**
 * Everything a client sends as JSON (request bodies, list parameters, socket.io messages) is
 * looked at once, here, before any other code walks it: nesting deeper than this, NUL characters
 * (PostgreSQL text cannot hold them), unpaired UTF-16 surrogates (not text: they cannot be stored
 * nor compared) and, in bodies, keys that name JavaScript's object machinery.
 *
 * The walk is iterative and stops at the first problem, so no input can exhaust the stack.
 */
export const MAX_INPUT_DEPTH = 32;
/** Values (strings, numbers, keys…) looked at, at most: a 100 kB body holds far fewer; a socket.io message could hold more. */
export const MAX_INPUT_NODES = 100_000;

/**
 * Keys that are never a field of ours and that object-handling code treats specially: every name
 * on Object.prototype (__proto__, constructor, toString, valueOf, hasOwnProperty…) and prototype.
 * class-transformer silently skips a body key that names an inherited method, so such a key would
 * slip past the "unknown properties are refused" check: it is refused here instead.
 */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

export type InputProblem =
  | { kind: 'depth'; maxDepth: number }
  | { kind: 'size'; maxNodes: number }
  | { kind: 'binary'; path: string }
  | { kind: 'nul'; path: string }
  | { kind: 'surrogate'; path: string }
  | { kind: 'prototype-key'; path: string };

export interface InspectOptions {
  /** Refuse PROTOTYPE_KEYS (bodies and messages; list filters name them in their own refusal). */
  prototypeKeys?: boolean;
  maxDepth?: number;
}

const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

function badText(text: string): 'nul' | 'surrogate' | null {
  if (text.includes('\u0000')) return 'nul';
  if (!text.isWellFormed()) return 'surrogate';
  return null;
}

/** The first problem found in a parsed JSON value, or null. */
export function inspectInput(value: unknown, options: InspectOptions = {}): InputProblem | null {
  const maxDepth = options.maxDepth ?? MAX_INPUT_DEPTH;
  // Depth 0 is the value itself; an array or object adds one level for its members.
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  // Counted when an array or object is opened, before its members are stacked: the work stays bounded.
  let seen = 1;
  const tooMany = (members: number) => (seen += members) > MAX_INPUT_NODES;
  while (stack.length) {
    const { value: current, depth, path } = stack.pop()!;
    if (typeof current === 'string') {
      const bad = badText(current);
      if (bad) return { kind: bad, path };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    // JSON has no binary; a socket.io message can carry some, and no handler of ours takes it.
    if (ArrayBuffer.isView(current) || current instanceof ArrayBuffer) return { kind: 'binary', path };
    if (depth >= maxDepth) return { kind: 'depth', maxDepth };
    if (Array.isArray(current)) {
      if (tooMany(current.length)) return { kind: 'size', maxNodes: MAX_INPUT_NODES };
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], depth: depth + 1, path: join(path, i) });
      continue;
    }
    const keys = Object.keys(current);
    if (tooMany(keys.length)) return { kind: 'size', maxNodes: MAX_INPUT_NODES };
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const at = join(path, key);
      const bad = badText(key);
      if (bad) return { kind: bad, path: at };
      if (options.prototypeKeys && PROTOTYPE_KEYS.has(key)) return { kind: 'prototype-key', path: at };
      stack.push({ value: (current as Record<string, unknown>)[key], depth: depth + 1, path: at });
    }
  }
  return null;
}

export const UNKNOWN_FIELD_MESSAGE = 'champ inconnu : il ne fait pas partie de cette ressource';

/** The 400 a person reads for an input problem; `where` says which part of the request ("les données", "le paramètre « filter »"). */
export function inputRefusal(problem: InputProblem, where = 'les données'): AppException {
  const at = 'path' in problem && problem.path ? ` (${problem.path})` : '';
  switch (problem.kind) {
    case 'depth':
      return badRequest(`Trop de niveaux d’imbrication dans ${where} : ${problem.maxDepth} au plus.`, { maxDepth: problem.maxDepth });
    case 'size':
      return badRequest(`Trop de valeurs dans ${where} : ${problem.maxNodes} au plus.`, { maxValues: problem.maxNodes });
    case 'binary':
      return badRequest(`Données binaires refusées dans ${where}${at} : seul du JSON est accepté.`);
    case 'nul':
      return badRequest(`Caractère nul interdit dans ${where}${at}.`);
    case 'surrogate':
      return badRequest(`Texte invalide dans ${where}${at} : il contient un caractère Unicode incomplet (demi-paire de substitution isolée).`, {
        ...(problem.path ? { fields: { [problem.path]: ['caractère Unicode incomplet'] } } : {}),
      });
    case 'prototype-key':
      return new AppException(AppErrorCode.VALIDATION_FAILED, `Données invalides — ${problem.path} : ${UNKNOWN_FIELD_MESSAGE}`, {
        fields: { [problem.path]: [UNKNOWN_FIELD_MESSAGE] },
      });
  }
}
