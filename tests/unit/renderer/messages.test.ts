/**
 * Messages kept as ids and parameters (renderer/src/messages.ts): the same
 * stored message renders in whichever language is current when it is shown,
 * nested messages (a role's name) included.
 */
import { describe, expect, it } from 'vitest';
import { t, type Lang, type Translate } from '../../../shared/i18n';
import { msg, msgWith, say } from '../../../renderer/src/messages';

const bound = (lang: Lang): Translate => ((key: never, ...p: never[]) => t(lang, key, ...p)) as Translate;

describe('messages follow the language they are shown in', () => {
  it('an import summary and its refusal, stored once, render in English then Spanish', () => {
    const stored = [
      msg('exchange.summary', { changes: 1, devices: 2, conflicts: 0, duplicates: 1 }),
      msg('exchange.refused', { count: 2 }),
    ];
    expect(say(bound('en'), stored)).toBe(
      '1 change from 2 devices, 0 conflicts, 1 possible duplicate. 2 bundles were refused; nothing from them was applied.',
    );
    expect(say(bound('es'), stored)).toBe(
      '1 cambio de 2 dispositivos, 0 conflictos, 1 posible duplicado. Se rechazaron 2 paquetes; no se aplicó nada de ellos.',
    );
  });

  it('a message parameter that is itself a message is translated with it', () => {
    const joined = msgWith('clinic.joined', { role: msg('exchange.role.field') });
    expect(say(bound('en'), joined)).toBe('This vault joined the clinic as: Field device.');
    expect(say(bound('es'), joined)).toBe('Esta bóveda se unió a la clínica como: Dispositivo de campo.');
  });

  it('the field count is a real plural in both languages', () => {
    expect(say(bound('en'), msg('field.undelivered', { count: 1 }))).toBe('1 intake sealed, not yet delivered');
    expect(say(bound('en'), msg('field.undelivered', { count: 2 }))).toBe('2 intakes sealed, not yet delivered');
    expect(say(bound('es'), msg('field.undelivered', { count: 1 }))).toBe('1 entrevista sellada, todavía sin entregar');
    expect(say(bound('es'), msg('field.undelivered', { count: 2 }))).toBe('2 entrevistas selladas, todavía sin entregar');
  });

  it('nothing stored shows nothing', () => {
    expect(say(bound('en'), null)).toBeNull();
  });
});
