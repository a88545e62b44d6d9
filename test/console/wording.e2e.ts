/**
 * The console's French wording, checked against what the server writes (issue 10, item 4):
 * every audit action the server can record has a label in both languages (the journal and the
 * timelines never show a raw code such as "comment"), and every list's empty state is a
 * sentence with its article ("Aucun endossement…", never "Pas encore de Endossement.").
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fr } from '../../admin/src/i18n/fr';
import { en } from '../../admin/src/i18n/en';
import { i18nProvider } from '../../admin/src/i18n/i18nProvider';
import { RESOURCE_NAMES } from '../../admin/src/common/resources';
import { WORKFLOWS } from '../../server/src/rules/workflows';

const SERVER = join(__dirname, '../../server/src');

function sources(dir: string): string[] {
    return readdirSync(dir).flatMap(name => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return name === 'generated' ? [] : sources(path);
        return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
    });
}

/** The action codes in the server's code: `action: 'x'`, `action: c ? 'x' : 'y'`, `action ?? 'x'`, accountAction's codes, the workflow tables. */
function serverActions(): Set<string> {
    const actions = new Set<string>();
    const literals = (text: string) => [...text.matchAll(/'([a-z][a-z-]*)'/g)].map(m => m[1]);
    for (const file of sources(SERVER)) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/\baction: (?!string)([^,}\n]*)/g)) literals(m[1]).forEach(a => actions.add(a));
        for (const m of text.matchAll(/function \w*[aA]ction\([^)]*\): ([^{]*)\{/g)) literals(m[1]).forEach(a => actions.add(a));
    }
    for (const workflow of Object.values(WORKFLOWS)) Object.keys(workflow).forEach(a => actions.add(a));
    return actions;
}

const labels = (messages: typeof fr) => (messages as unknown as { audit: { actions: Record<string, string> } }).audit.actions;

describe('console wording', () => {
    const actions = serverActions();

    it('finds the actions the server writes (the scan is not vacuous)', () => {
        for (const known of ['create', 'update', 'comment', 'approve', 'request-changes', 'reactivate', 'sign-charter', 'job-step', 'job-failed', 'start', 'resume', 'seed']) {
            expect(actions).toContain(known);
        }
    });

    it.each([
        ['fr', fr],
        ['en', en],
    ])('labels every audit action in %s', (_locale, messages) => {
        const missing = [...actions].filter(action => !labels(messages)[action]);
        expect(missing).toEqual([]);
    });

    it('names a comment "Commentaire" and an unknown action readably, never by its bare code', () => {
        i18nProvider.changeLocale('fr');
        expect(i18nProvider.translate('audit.actions.comment')).toBe('Commentaire');
        const unknown = i18nProvider.translate('audit.actions.frobnicate', {
            _: i18nProvider.translate('audit.unknownAction', { action: 'frobnicate' }),
        });
        expect(unknown).toBe('Autre action (frobnicate)');
    });

    it.each([...RESOURCE_NAMES, 'job-runs', 'staff'])('gives the %s list a French empty state with its article', resource => {
        i18nProvider.changeLocale('fr');
        // What react-admin's <Empty> asks for, with its generic message as the fallback.
        const text = i18nProvider.translate(`resources.${resource}.empty`, { _: 'FALLBACK' });
        expect(text).not.toBe('FALLBACK');
        expect(text).toMatch(/^Aucune? [a-zàâçéèêëîïôûù’ ]+ pour le moment\.$/);
        expect(text).not.toMatch(/\bde [aeiouyéèêh]/i);
    });

    it('gives the English lists an empty state too', async () => {
        await i18nProvider.changeLocale('en');
        for (const resource of RESOURCE_NAMES) {
            expect(i18nProvider.translate(`resources.${resource}.empty`, { _: 'FALLBACK' })).toMatch(/^No [a-z ]+ yet\.$/);
        }
        await i18nProvider.changeLocale('fr');
    });

    it('has no French string with a doubled period, a missing élision or a typewriter space before punctuation', () => {
        const strings: string[] = [];
        const walk = (value: unknown) => {
            if (typeof value === 'string') strings.push(value);
            else if (value && typeof value === 'object') Object.values(value).forEach(walk);
        };
        walk(fr);
        const bad = strings.filter(
            s => /[^.]\.\.(?!\.)/.test(s) || /(?<![\wÀ-ÿ])(de|le|la|que|ne|se|je) [aeiouéèêâîô]/i.test(s) || /\S[:;!?](\s|$)/.test(s.replace(/https?:|%\{[^}]+\}|\d:\d/g, ''))
        );
        expect(bad).toEqual([]);
    });

    it('words the live scan page in both languages, key for key', () => {
        const keys = (value: unknown, prefix = ''): string[] =>
            value && typeof value === 'object'
                ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
                : [prefix.slice(0, -1)];
        const live = (messages: typeof fr) => (messages as unknown as { liveScans: object }).liveScans;
        expect(keys(live(fr)).length).toBeGreaterThan(30);
        expect(keys(live(en)).sort()).toEqual(keys(live(fr)).sort());
    });

    it('writes the French apostrophe (’) in the console’s own strings', () => {
        const straight: string[] = [];
        const walk = (value: unknown) => {
            if (typeof value === 'string' && value.includes("'")) straight.push(value);
            else if (value && typeof value === 'object') Object.values(value).forEach(walk);
        };
        // react-admin's own French (ra.*) is overridden only where it reads wrong.
        Object.entries(fr).filter(([key]) => key !== 'ra').forEach(([, value]) => walk(value));
        walk((fr as unknown as { ra: Record<string, Record<string, string>> }).ra.page);
        expect(straight).toEqual([]);
    });
});
