/**
 * Web addresses typed by people (a structure's website): only http(s) is kept, so a value such as
 * `javascript:…` never becomes a link on a public page nor a `site_web` of the open data. Shared
 * by the server's checks, the forms and the public pages.
 */
export const WEB_ADDRESS_MESSAGE = 'adresse web invalide : par exemple https://www.exemple.fr';

/** "www.exemple.fr" → "https://www.exemple.fr"; an address with a scheme (even a wrong one) is left as typed, for the check to judge. */
export function withScheme(value: string): string {
  const v = value.trim();
  if (v === '' || /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(v)) return v;
  return `https://${v}`;
}

/** An http or https address with a host that has a dot, no spaces, 200 characters at most. */
export function isWebAddress(value: string): boolean {
  if (value.length > 200 || /[\s<>"]/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.') && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** What a public page may link to: the address when it is a web address, else nothing. */
export const publicWebAddress = (value: string | null | undefined): string | null => (value && isWebAddress(value) ? value : null);
