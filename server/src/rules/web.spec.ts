import { isWebAddress, publicWebAddress, withScheme } from './web';

describe('web addresses', () => {
  it('adds https:// to an address typed without its scheme, and leaves any scheme for the check', () => {
    expect(withScheme(' www.exemple.fr ')).toBe('https://www.exemple.fr');
    expect(withScheme('exemple.fr:8080/accueil')).toBe('https://exemple.fr:8080/accueil');
    expect(withScheme('http://exemple.fr')).toBe('http://exemple.fr');
    expect(withScheme('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(withScheme('')).toBe('');
  });

  it('accepts http and https only, with a real host', () => {
    for (const ok of ['https://www.exemple.fr', 'http://cyber-base.begles.fr/atelier?x=1', 'https://exemple.fr:8443/a#b']) expect(isWebAddress(ok)).toBe(true);
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', 'mailto:a@b.fr', 'https://localhost', 'https://ex ample.fr', 'https://user:pw@exemple.fr', 'https://"x".fr', `https://${'a'.repeat(200)}.fr`, 'https://']) {
      expect(isWebAddress(bad)).toBe(false);
    }
    expect(publicWebAddress('javascript:alert(1)')).toBeNull();
    expect(publicWebAddress(null)).toBeNull();
    expect(publicWebAddress('https://www.exemple.fr')).toBe('https://www.exemple.fr');
  });
});
