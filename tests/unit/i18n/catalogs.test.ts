import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';
import { es } from '../../../shared/i18n/es';
import { catalogs, detectLang, errorKey, isMessageKey, LANGS, t } from '../../../shared/i18n';
import { ERROR_CODES } from '../../../shared/errors';
import { passphraseSchema, recoveryCodeSchema } from '../../../shared/schemas/vault';

describe('message catalogs', () => {
  it('en and es have exactly the same keys', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('has no empty or whitespace-only messages', () => {
    for (const lang of LANGS) {
      for (const [key, value] of Object.entries(catalogs[lang])) {
        expect(typeof value, `${lang}:${key}`).toBe('string');
        expect(value.trim(), `${lang}:${key}`).not.toBe('');
      }
    }
  });

  // Same parameters in both languages: plurals.test.ts compares them on the ICU
  // syntax tree (a regex over "{word}" mistakes plural branch text for a parameter).

  it('has a message for every error code in both languages', () => {
    for (const code of ERROR_CODES) {
      const key = `error.${code}`;
      expect(Object.prototype.hasOwnProperty.call(en, key), `en ${key}`).toBe(true);
      expect(Object.prototype.hasOwnProperty.call(es, key), `es ${key}`).toBe(true);
      expect(errorKey(code)).toBe(key);
    }
    expect(errorKey('NO_SUCH_CODE')).toBe('error.INTERNAL');
  });

  it('translates the message keys the shared zod schemas emit', () => {
    const keys = [
      ...passphraseSchema.safeParse('short').error!.issues,
      ...passphraseSchema.safeParse('x'.repeat(1025)).error!.issues,
      ...recoveryCodeSchema.safeParse('ABCD').error!.issues,
    ].map((i) => i.message);
    for (const key of keys) expect(isMessageKey(key), key).toBe(true);
  });

  it('spells out the required Spanish wording', () => {
    expect(t('en', 'error.WRONG_PASSPHRASE')).toBe('That passphrase does not open this vault.');
    expect(t('es', 'error.WRONG_PASSPHRASE')).toBe('Esa frase de contraseña no abre esta bóveda.');
  });
});

describe('t()', () => {
  it('fills parameters and leaves unknown ones alone', () => {
    expect(t('en', 'passphrase.tooShort', { min: 10 })).toBe('Use at least 10 characters.');
    expect(t('es', 'passphrase.tooShort', { min: 10 })).toBe('Use al menos 10 caracteres.');
    // tsc refuses the missing parameter; at run time the text still shows, never an exception.
    // @ts-expect-error min is missing
    expect(t('en', 'passphrase.tooShort')).toBe('Use at least {min} characters.');
  });

  it('detects the language from preferences', () => {
    expect(detectLang(['es-MX', 'en-US'])).toBe('es');
    expect(detectLang(['fr-FR', 'en'])).toBe('en');
    expect(detectLang([])).toBe('en');
  });
});
