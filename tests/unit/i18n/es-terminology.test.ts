import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';
import { es } from '../../../shared/i18n/es';

/**
 * The vault's and a user's secret is a "frase de contraseña" in Spanish, one
 * term everywhere (issue 10). A bare "contraseña" is only a PDF's password:
 * those keys are the ones whose English says "password", not "passphrase".
 */
describe('Spanish passphrase terminology', () => {
  const bare = /(?<!frases? de )contraseñas?/i;

  it('says "frase de contraseña" wherever the English says passphrase', () => {
    const offenders = Object.entries(es).filter(([key, value]) => bare.test(value) && !/password/i.test(en[key as keyof typeof en]));
    expect(offenders).toEqual([]);
  });

  it('catches a bare "contraseña" (the check can fail)', () => {
    expect(bare.test('Escriba la contraseña.')).toBe(true);
    expect(bare.test('Las dos contraseñas no coinciden.')).toBe(true);
    expect(bare.test('Escriba la frase de contraseña.')).toBe(false);
    expect(bare.test('Las dos frases de contraseña no coinciden.')).toBe(false);
  });

  it('uses the term in every Spanish string whose English names a passphrase', () => {
    const missing = Object.entries(en)
      .filter(([, value]) => /passphrase/i.test(value))
      .map(([key]) => key)
      .filter((key) => !/frases? de contraseña/i.test(es[key as keyof typeof es]));
    expect(missing).toEqual([]);
  });
});
