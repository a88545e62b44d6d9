import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The server's layers, lowest first (README "Architecture"). A plumbing folder imports only its
 * own files and lower layers; it never imports a feature area (eligibility, catalogue, …) or a
 * higher layer. Feature areas, and the files at the root (app.module, main), import anything.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['generated', 'rules'],
  ['common'],
  ['config'],
  ['redis'],
  ['database'],
  ['auth'],
  ['rest'],
  ['realtime'],
  ['writes'],
];

const SRC = __dirname;

function layerOf(folder: string): number {
  const index = LAYERS.findIndex((layer) => layer.includes(folder));
  return index === -1 ? LAYERS.length : index;
}

/** The first folder under server/src of a file ('' for a file at the root). */
function folderOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts.length > 1 ? parts[0] : '';
}

/** Every module a source text imports or re-exports (static, type-only and dynamic imports). */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]);
  return found;
}

/** Why this import breaks the layering, or null when it does not. */
export function upwardImport(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const from = folderOf(file);
  const fromLayer = from === '' ? LAYERS.length : layerOf(from);
  if (fromLayer === LAYERS.length) return null; // a feature area or the app's root: anything below it
  const target = path.resolve(path.dirname(file), specifier);
  if (!target.startsWith(SRC + path.sep)) return null;
  const to = folderOf(target);
  if (to === from) return null;
  const toLayer = to === '' ? LAYERS.length : layerOf(to);
  if (toLayer < fromLayer || (toLayer === fromLayer && to !== '')) return null;
  return `${path.relative(SRC, file)} imports ${specifier} (${to === '' ? 'the app root' : toLayer === LAYERS.length ? `${to}, a feature area` : `${to}, a higher layer`})`;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    // Specs test a layer from outside (a spec may build the whole app): only the code itself is layered.
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

describe('server layers', () => {
  it('reads static, type-only, side-effect and dynamic imports', () => {
    const source = ["import { a } from './a';", "import type { B } from '../b/b';", "export { c } from './c';", "import './d';", "const e = await import('../e/e');"].join('\n');
    expect(importsOf(source)).toEqual(expect.arrayContaining(['./a', '../b/b', './c', './d', '../e/e']));
  });

  it.each([
    ['database/row-lock.ts', '../rest/model-meta', true],
    ['rest/resource.service.ts', '../writes/write-path', true],
    ['auth/auth.module.ts', '../realtime/redis', true],
    ['writes/write-path.ts', '../eligibility/eligibility.resources', true],
    ['common/errors.ts', '../app.module', true],
    ['writes/write-path.ts', '../rest/resource.service', false],
    ['rest/resource.service.ts', '../database/model-meta', false],
    ['rules/workflows.ts', '../generated/prisma/enums', false],
    ['eligibility/applications.service.ts', '../writes/write-path', false],
    ['catalogue/offers.service.ts', '../partner/partner-auth.guard', false],
  ])('%s importing %s is upward: %s', (file, specifier, upward) => {
    expect(upwardImport(path.join(SRC, file), specifier) !== null).toBe(upward);
  });

  it('has no plumbing folder importing a feature area or a higher layer', () => {
    const problems = sourceFiles(SRC).flatMap((file) =>
      importsOf(fs.readFileSync(file, 'utf8'))
        .map((specifier) => upwardImport(file, specifier))
        .filter((problem): problem is string => problem !== null),
    );
    expect(problems).toEqual([]);
  });
});
