import polyglotI18nProvider from 'ra-i18n-polyglot';
import { fr } from './fr';
import { en } from './en';

const messages = { fr, en } as const;

/** French by default (staff are French-speaking); English selectable from the app bar. */
export const i18nProvider = polyglotI18nProvider(
    locale => messages[locale as keyof typeof messages] ?? fr,
    'fr',
    [
        { locale: 'fr', name: 'Français' },
        { locale: 'en', name: 'English' },
    ],
    { allowMissing: true }
);
