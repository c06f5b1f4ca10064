/**
 * Every message of both catalogs is real ICU MessageFormat: it parses, both
 * languages take the same parameters, plurals choose real words for 0, 1 and 2
 * and no "(s)" is left anywhere. The parameter types read by
 * shared/i18n/params.ts are checked here too (by tsc, which runs over tests).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { en } from '../../../shared/i18n/en';
import { es } from '../../../shared/i18n/es';
import { catalogs, LANGS, LOCALES, t, type Lang, type MessageKey, type ParamsFor } from '../../../shared/i18n';
import type { ParamsOf } from '../../../shared/i18n/params';

type Kind = 'numeric' | 'text';
type Ast = ReturnType<IntlMessageFormat['getAst']>;

// The element types of @formatjs/icu-messageformat-parser (TYPE enum values).
const ARGUMENT = 1;
const NUMBER = 2;
const DATE = 3;
const TIME = 4;
const SELECT = 5;
const PLURAL = 6;

/** Every argument of a parsed message, nested branches included, with whether it needs a number. */
function argsOf(ast: Ast, out = new Map<string, Kind>()): Map<string, Kind> {
  for (const el of ast) {
    if (!('value' in el) || el.type === 0 /* literal */) continue;
    const name = String(el.value);
    if (el.type === NUMBER || el.type === PLURAL) out.set(name, 'numeric');
    else if (el.type === ARGUMENT || el.type === SELECT || el.type === DATE || el.type === TIME) {
      if (!out.has(name)) out.set(name, 'text');
    }
    if ((el.type === PLURAL || el.type === SELECT) && 'options' in el) {
      for (const option of Object.values(el.options)) argsOf(option.value, out);
    }
  }
  return out;
}

function pluralNames(ast: Ast, out = new Set<string>()): Set<string> {
  for (const el of ast) {
    if (el.type === PLURAL) out.add(String(el.value));
    if ((el.type === PLURAL || el.type === SELECT) && 'options' in el) {
      for (const option of Object.values(el.options)) pluralNames(option.value, out);
    }
  }
  return out;
}

const parse = (lang: Lang, text: string) => new IntlMessageFormat(text, LOCALES[lang], undefined, { ignoreTag: true });

const keys = Object.keys(en) as MessageKey[];

/** Leftovers of pre-plural messages: "deadline(s)", "persona(s)", "podría(n)". */
const PSEUDO_PLURAL = /\((s|es|n)\)/i;

describe('ICU message catalogs', () => {
  it('en and es have exactly the same keys', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('parses every message in both languages', () => {
    const failures: string[] = [];
    for (const lang of LANGS) {
      for (const key of keys) {
        try {
          parse(lang, catalogs[lang][key]);
        } catch (e) {
          failures.push(`${lang}:${key}: ${(e as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('takes the same parameters, of the same kind, in both languages', () => {
    for (const key of keys) {
      const a = Object.fromEntries(argsOf(parse('en', en[key]).getAst()));
      const b = Object.fromEntries(argsOf(parse('es', es[key]).getAst()));
      expect(b, key).toEqual(a);
    }
  });

  it('renders every plural for 0, 1 and 2 with real words and no "(s)"', () => {
    let plurals = 0;
    for (const key of keys) {
      for (const lang of LANGS) {
        const format = parse(lang, catalogs[lang][key]);
        const args = argsOf(format.getAst());
        const counted = pluralNames(format.getAst());
        if (counted.size === 0) continue;
        plurals++;
        for (const name of counted) {
          const render = (n: number) => {
            const values = Object.fromEntries([...args].map(([k, kind]) => [k, kind === 'numeric' ? 2 : 'X']));
            return String(format.format({ ...values, [name]: n }));
          };
          const [zero, one, two] = [render(0), render(1), render(2)];
          for (const out of [zero, one, two]) {
            expect(out, `${lang}:${key}`).not.toMatch(PSEUDO_PLURAL);
            expect(out, `${lang}:${key}`).not.toMatch(/[{}#]/);
          }
          // One and two differ by more than the digit: the words changed.
          // (Identical branches are no plural at all: write `{count, number}` instead.)
          expect(one.replace(/\d/g, ''), `${lang}:${key} (${name}): plural branches give the same words; use {${name}, number}`).not.toBe(
            two.replace(/\d/g, ''),
          );
        }
      }
    }
    expect(plurals).toBeGreaterThan(40);
  });

  it('has no "(s)" left in any message', () => {
    for (const lang of LANGS) {
      for (const key of keys) expect(catalogs[lang][key], `${lang}:${key}`).not.toMatch(PSEUDO_PLURAL);
    }
  });

  it('says "1 person imported", never "1 people imported"', () => {
    expect(t('en', 'importer.doneTitle', { count: 1 })).toBe('1 person imported');
    expect(t('en', 'importer.doneTitle', { count: 2 })).toBe('2 people imported');
    expect(t('es', 'importer.doneTitle', { count: 1 })).toBe('1 persona importada');
    expect(t('es', 'importer.doneTitle', { count: 2 })).toBe('2 personas importadas');
    expect(t('en', 'reminders.count', { count: 1, days: 3 })).toBe('1 deadline due within 3 days.');
    expect(t('es', 'reminders.count', { count: 1, days: 1 })).toBe('1 plazo vence dentro de 1 día.');
    expect(t('es', 'search.count', { count: 0 })).toBe('Ningún resultado. Elija con las flechas y abra con Enter.');
  });

  it('formats counts as U.S. English and U.S. Spanish write them', () => {
    expect(t('en', 'importer.doneTitle', { count: 12000 })).toBe('12,000 people imported');
    // es-US groups digits with a comma, as Spanish-language U.S. notices do.
    expect(t('es', 'importer.doneTitle', { count: 12000 })).toBe('12,000 personas importadas');
  });

  it('still fills a simple {name} placeholder, and shows the text when a parameter is missing', () => {
    expect(t('es', 'dup.question', { name: 'Ana' })).toBe('¿Es Ana?');
    // A key known only at run time cannot be checked by tsc: it must not throw.
    const key = 'importer.doneTitle' as MessageKey;
    expect(() => t('en', key)).not.toThrow();
  });

  it('keeps the message source free of plurals built by string concatenation', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        // The CSV header synonyms match what people type in a spreadsheet ("nombre(s)"); they are never shown.
        else if (/\.(ts|tsx)$/.test(name) && !/shared\/i18n\/e[ns]\.ts$|intake\/csv\/fields\.ts$/.test(path)) {
          const text = readFileSync(path, 'utf8');
          // "(s)" inside a string literal, or a word chosen by a count: `n === 1 ? 'day' : 'days'`.
          // (The CLI in electron/core prints English only and may pick "item"/"items" itself; the UI may not.)
          const ui = !path.startsWith('electron');
          if (/['"`][^'"`\n]*\w\((s|es)\)[^'"`\n]*['"`]/.test(text) || (ui && /[=!]== 1 \? ['"`]\w+['"`] : ['"`]\w+s['"`]/.test(text))) {
            offenders.push(path);
          }
        }
      }
    };
    for (const dir of ['renderer/src', 'shared', 'electron']) walk(dir);
    expect(offenders).toEqual([]);
  });
});

describe('typed parameters', () => {
  it('reads parameter names and types from the message', () => {
    expectTypeOf<ParamsFor<'importer.doneTitle'>>().toEqualTypeOf<{ count: number }>();
    expectTypeOf<ParamsFor<'dup.question'>>().toEqualTypeOf<{ name: string | number }>();
    expectTypeOf<keyof ParamsFor<'app.name'>>().toEqualTypeOf<never>();
    expectTypeOf<ParamsOf<'{a} {n, plural, one {# {b}} other {# {b}s}} {k, select, x {{c}} other {}} {m, number}'>>().toEqualTypeOf<{
      a: string | number;
      n: number;
      b: string | number;
      k: string;
      c: string | number;
      m: number;
    }>();
    // Used as text and as a plural: it must be a number.
    expectTypeOf<ParamsOf<'{count} · {count, plural, one {#} other {#}}'>>().toEqualTypeOf<{ count: number }>();
    expect(t('en', 'app.name')).toBe('Amparo');
  });

  it('refuses a missing, misspelled or mistyped parameter (tsc fails otherwise)', () => {
    // @ts-expect-error the count is missing
    expect(t('en', 'importer.doneTitle', {})).toContain('people imported');
    // @ts-expect-error no parameters at all
    expect(t('en', 'importer.doneTitle')).toContain('imported');
    // @ts-expect-error a plural needs a number
    expect(t('en', 'importer.doneTitle', { count: '3' })).toContain('imported');
    // @ts-expect-error a message without parameters takes none
    expect(t('en', 'app.name', { count: 1 })).toBe('Amparo');
  });
});
