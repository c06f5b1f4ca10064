import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import ICAL from 'ical.js';
import type { Core } from '../../../electron/core/app';
import { escapeText, foldLine } from '../../../electron/core/deadlines/ics';
import { freshCore } from '../../helpers/env';
import { addEvent, person } from './helpers';

let core: Core;
let cleanup: () => void;
const TODAY = '2026-03-02';

beforeEach(async () => {
  ({ core, cleanup } = await freshCore({ today: TODAY }));
});
afterEach(() => cleanup());

function parse(ics: string) {
  const comp = new ICAL.Component(ICAL.parse(ics));
  return comp.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      start: e.startDate.toString(),
      end: e.endDate.toString(),
      allDay: e.startDate.isDate,
      alarms: v.getAllSubcomponents('valarm').length,
      sequence: e.sequence,
    };
  });
}

async function scene() {
  const a = await person(core, { given: 'José María', family: 'García, López; "Pepe"', cases: [{ type: 'removal-nondetained' }] });
  const b = await person(core, { given: 'Trần Thị Bích', family: 'Ngọc' });
  const ij = await addEvent(core, a.id, { kind: 'ij-decision-oral', date: '2026-03-02' });
  const m = await core.call('deadlines.addManual', {
    personId: b.id,
    label: 'Call Ngọc about the hearing',
    due: '2026-03-20',
    note: 'Ngọc prefers Vietnamese',
    citation: 'Order in Bích v. Garland',
  });
  return { a, b, ij, m };
}

describe('.ics export', () => {
  it('is RFC 5545 that ical.js reads: one all-day VEVENT per open deadline, no client names by default', async () => {
    const { ij, m, a } = await scene();
    const out = await core.call('deadlines.exportIcs', {});
    expect(out.count).toBe(4);
    expect(out.fileName).toBe(`amparo-deadlines-${TODAY}.ics`);
    expect(out.ics.split('\r\n').at(-1)).toBe('');
    expect(out.ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of out.ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);

    const events = parse(out.ics);
    expect(events).toHaveLength(4);
    const appeal = events.find((e) => e.uid === `${ij.deadlines.find((d) => d.ruleId === 'bia-appeal')!.id}@amparo`)!;
    expect(appeal).toMatchObject({ start: '2026-04-01', end: '2026-04-02', allDay: true, alarms: 0, sequence: 0 });
    const ref = a.caseIds[0]!.replace(/-/g, '').slice(-4).toUpperCase();
    expect(appeal.summary).toBe(`Deadline: Appeal to the BIA (Form EOIR-26) (case ${ref})`);
    expect(appeal.description).toContain('Citation: 8 CFR 1003.38(b), (c)');
    expect(appeal.description).toContain('How it was counted:');
    const manual = events.find((e) => e.uid === `${m.id}@amparo`)!;
    expect(manual.summary).toMatch(/^Deadline: deadline entered by hand \(case [0-9A-F]{4}\)$/);

    const unfolded = out.ics.replace(/\r\n /g, '');
    // Staff free text (a manual deadline's label, note and citation) may name the client: left out too.
    for (const name of ['José', 'García', 'Pepe', 'Trần', 'Ngọc', 'Bích']) expect(unfolded).not.toContain(name);
  });

  it('with includeNames: names in titles and descriptions, escaped and folded without breaking UTF-8', async () => {
    const { a } = await scene();
    const out = await core.call('deadlines.exportIcs', { includeNames: true, alarmDaysBefore: 3 });
    const events = parse(out.ics);
    const appeal = events.find((e) => e.summary.startsWith('Deadline: Appeal to the BIA'))!;
    expect(appeal.summary).toContain('José María García, López; "Pepe"');
    expect(appeal.description).toContain('Client: José María García, López; "Pepe"');
    expect(appeal.alarms).toBe(1);
    const manual = events.find((e) => e.summary.includes('Call Ngọc'))!;
    expect(manual.description).toContain('Note: Ngọc prefers Vietnamese');
    // Raw text is escaped.
    expect(out.ics.replace(/\r\n /g, '')).toContain('García\\, López\\; "Pepe"');

    const one = await core.call('deadlines.exportIcs', { personId: a.id, includeNames: false, lang: 'es' });
    expect(one.count).toBe(3);
    expect(one.fileName).toMatch(/^amparo-deadlines-case-[0-9A-F]{4}-2026-03-02\.ics$/);
    const es = parse(one.ics);
    expect(es.every((e) => e.summary.startsWith('Plazo: '))).toBe(true);
  });

  it('keeps the UID of a deadline across exports and bumps SEQUENCE when it changes; done ones only on request', async () => {
    const { ij } = await scene();
    const d = ij.deadlines.find((x) => x.ruleId === 'bia-appeal')!;
    const first = parse((await core.call('deadlines.exportIcs', {})).ics).find((e) => e.uid === `${d.id}@amparo`)!;
    await core.call('deadlines.override', { id: d.id, version: d.version, due: '2026-03-27', reason: 'Early' });
    const second = parse((await core.call('deadlines.exportIcs', {})).ics).find((e) => e.uid === `${d.id}@amparo`)!;
    expect(second).toMatchObject({ start: '2026-03-27', sequence: 1 });
    expect(first.uid).toBe(second.uid);
    const v = await core.call('deadlines.get', { id: d.id });
    await core.call('deadlines.markDone', { id: d.id, version: v.version });
    expect((await core.call('deadlines.exportIcs', {})).count).toBe(3);
    const withDone = parse((await core.call('deadlines.exportIcs', { includeDone: true })).ics);
    expect(withDone.find((e) => e.uid === `${d.id}@amparo`)!.summary).toMatch(/^Done: /);
  });

  it('escapes and folds by the RFC', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
    const long = `SUMMARY:${'ñ'.repeat(100)}`;
    const folded = foldLine(long).split('\r\n');
    expect(folded.length).toBeGreaterThan(2);
    for (const l of folded) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(long);
    const emoji = foldLine(`X:${'😀'.repeat(40)}`);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(emoji))).not.toThrow();
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });
});
