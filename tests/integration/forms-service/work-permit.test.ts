/**
 * Issue 15 §4: the shipped I-765 (edition 10/31/22) and AR-11 maps, the
 * eligibility category taken from the case, and the TPS drive (one batch
 * job filling the I-765 for each person, with the clinic's own I-821
 * template beside it). Every output passes qpdf --check, is read back with
 * pdftk and pdftotext, and page 1 is rendered to find the name's ink.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, type PDFTextField } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app';
import { loadBlank } from '../../../electron/core/forms/blank';
import { fillForm } from '../../../electron/core/forms/fill';
import { loadFieldMap } from '../../../electron/core/forms/resources';
import type { FormView } from '../../../shared/forms/view';
import type { ImportedBlank, JobStatus, PersonView } from '../../../shared/views';
import { freshCore } from '../../helpers/env';
import { pdfText, pdftkValues, qpdfCheck, readBlank, tempDir, type TempDir } from '../forms/helpers';
import { TODAY, b64, batchPdf, createClient, errorOf, sha256 } from './helpers';

const F = {
  family: 'form1[0].Page1[0].Line1a_FamilyName[0]',
  given: 'form1[0].Page1[0].Line1b_GivenName[0]',
  aNumber: 'form1[0].Page2[0].Line7_AlienNumber[0]',
  street: 'form1[0].Page2[0].Line4b_StreetNumberName[0]',
  city: 'form1[0].Page2[0].Pt2Line5_CityOrTown[0]',
  state: 'form1[0].Page2[0].Pt2Line5_State[0]',
  sameAddress: 'form1[0].Page2[0].Part2Line5_Checkbox[1]',
  female: 'form1[0].Page2[0].Line9_Checkbox[0]',
  dob: 'form1[0].Page3[0].Line19_DOB[0]',
  countryOfBirth: 'form1[0].Page3[0].Line18c_CountryOfBirth[0]',
  lastEntry: 'form1[0].Page3[0].Line21_DateOfLastEntry[0]',
  statusAtEntry: 'form1[0].Page3[0].Line23_StatusLastEntry[0]',
  currentStatus: 'form1[0].Page3[0].Line24_CurrentStatus[0]',
  cat1: 'form1[0].Page3[0].#area[1].section_1[0]',
  cat2: 'form1[0].Page3[0].#area[1].section_2[0]',
  cat3: 'form1[0].Page3[0].#area[1].section_3[0]',
  arrestedYes: 'form1[0].Page3[0].PtLine29_YesNo[0]',
  arrestedNo: 'form1[0].Page3[0].PtLine29_YesNo[1]',
};

let core: Core;
let cleanup: () => void;
let out: TempDir;
let i765: ImportedBlank;
let ar11: ImportedBlank;
let asylum: PersonView;
let tpsGranted: PersonView;
let tpsPending: PersonView;

beforeAll(async () => {
  ({ core, cleanup } = await freshCore({ today: TODAY }));
  out = tempDir();
  i765 = await core.call('forms.importBlank', { fileName: 'i-765.pdf', dataBase64: b64(readBlank('i-765')) });
  ar11 = await core.call('forms.importBlank', { fileName: 'ar-11.pdf', dataBase64: b64(readBlank('ar-11')) });
  asylum = await createClient(core, { given: 'Gyqpj', family: 'Ñúñez-Yépez', aNumber: 'A012345678', dob: '1990-03-07' });
  const tps = (tpsStatus: string) => ({
    history: { lastEntryDate: '2001-02-10', lastEntryManner: 'EWI', priorOrders: 'no', tpsCountry: 'SV', tpsStatus },
    cases: [{ type: 'tps' }],
  });
  tpsGranted = await createWith({ given: 'José María', family: 'García López', aNumber: 'A098765432', dob: '1985-11-30' }, tps('granted'));
  tpsPending = await createWith({ given: 'Thị Bích Ngọc', family: 'Nguyễn', aNumber: 'A011122233', dob: '1992-06-15' }, tps('pending'));
}, 120_000);
afterAll(() => {
  cleanup();
  out.remove();
});

/** A TPS person through the intake op: their own history and case (createClient gives an asylum case). */
async function createWith(c: Parameters<typeof createClient>[1], intake: { history: object; cases: object[] }): Promise<PersonView> {
  return core.call('intake.createFull', {
    intake: {
      person: {
        givenName: c.given,
        familyName: c.family,
        dob: c.dob,
        aNumber: c.aNumber,
        sex: 'male',
        countryOfBirth: 'El Salvador',
        nationality: 'El Salvador',
        languages: ['Spanish'],
        address: { street: '88 Harbor Way', city: 'Houston', state: 'TX', zip: '77002' },
      },
      detention: { detained: false },
      ...intake,
      family: [],
      notes: '',
      consent: { date: '2026-11-01', how: 'verbal', language: 'es' },
    },
  } as never);
}

function checkOutput(name: string, pdf: Uint8Array): { file: string; values: Map<string, string> } {
  const file = out.file(name, pdf);
  qpdfCheck(file);
  return { file, values: pdftkValues(file) };
}

/** Dark pixels of page 1 inside a field's rectangle, from a real render (pdftoppm, 72 dpi: 1 px = 1 pt). */
async function inkInField(file: string, field: string): Promise<number> {
  const doc = await PDFDocument.load(readFileSync(file));
  const widget = (doc.getForm().getField(field) as PDFTextField).acroField.getWidgets()[0]!;
  const r = widget.getRectangle();
  const pageHeight = doc.getPage(0).getHeight();
  const base = join(out.path, `render-${sha256(new TextEncoder().encode(field)).slice(0, 8)}`);
  execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '72', '-gray', '-singlefile', file, base]);
  const pgm = readFileSync(`${base}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 50).toString('latin1'))!;
  const width = Number(header[1]);
  const data = pgm.subarray(header[0].length);
  let ink = 0;
  for (let y = Math.ceil(pageHeight - r.y - r.height) + 1; y < Math.floor(pageHeight - r.y) - 1; y++) {
    for (let x = Math.ceil(r.x) + 1; x < Math.floor(r.x + r.width) - 1; x++) if ((data[y * width + x] ?? 255) < 128) ink++;
  }
  return ink;
}

describe('shipped maps for the work-permit and address-change forms', () => {
  it('the I-765 10/31/22 and the AR-11 (duplicated /AS keys) import ready, matched by their SHA-256', () => {
    expect(i765.status).toBe('ready');
    expect(i765.match).toMatchObject({ form: 'i-765', edition: '2022-10-31', exact: true, missing: [], added: [] });
    expect(ar11.status).toBe('ready');
    expect(ar11.match).toMatchObject({ form: 'ar-11', edition: '2019-09-10', exact: true });
  });

  it('an I-765 for a pending asylum case: category (c)(8), identity, mailing address, birth, last arrival, status', async () => {
    const filled = await core.call('forms.fill', { templateId: i765.blankId, personId: asylum.id });
    expect(filled.warnings).toEqual([]);
    const { file, values } = checkOutput('i765-asylum.pdf', filled.pdf);
    expect(values.get(F.family)).toBe('Ñúñez-Yépez');
    expect(values.get(F.given)).toBe('Gyqpj');
    expect(values.get(F.aNumber)).toBe('012345678');
    expect(values.get(F.street)).toBe('1200 Mission St');
    expect(values.get(F.city)).toBe('San Francisco');
    expect(values.get(F.state)).toBe('CA');
    expect(values.get(F.sameAddress)).toBe('Y');
    expect(values.get(F.female)).toBe('N'); // the blank's on-state name for "Female"
    expect(values.get(F.dob)).toBe('03/07/1990');
    expect(values.get(F.countryOfBirth)).toBe('Guatemala');
    expect(values.get(F.lastEntry)).toBe('05/01/2021');
    expect(values.get(F.statusAtEntry)).toBe('EWI');
    expect(values.get(F.currentStatus)).toBe('Asylum applicant');
    expect([values.get(F.cat1), values.get(F.cat2), values.get(F.cat3) ?? '']).toEqual(['c', '8', '']);
    // The arrest question: the intake does not record it, so neither box is ticked for the preparer to answer.
    expect(values.get(F.arrestedYes)).toBe('Off');
    expect(values.get(F.arrestedNo)).toBe('Off');
    expect(pdfText(file, { first: 1, last: 1 })).toContain('Ñúñez-Yépez');
    expect(pdfText(file, { first: 3, last: 3 })).toContain('Asylum applicant');
    expect(await inkInField(file, F.family)).toBeGreaterThan(40);
  });

  it('the (c)(8) arrest question is answered only under (c)(8), and only with what is known', async () => {
    const blank = await loadBlank(readBlank('i-765'));
    const map = await loadFieldMap('i-765', '2022-10-31');
    const fill = async (kase: FormView['case']) => {
      const r = await fillForm({
        blank: blank.bytes,
        blankSha256: blank.sha256,
        map,
        data: { person: { givenName: 'Ana', familyName: 'Ruiz', dob: '1990-01-02' }, case: kase },
      });
      const { values } = checkOutput(`i765-${kase?.eadCategory ?? 'none'}-${String(kase?.arrestedOrConvicted)}.pdf`, r.bytes);
      // An untouched box has no value at all; an unticked one says Off: both are "not ticked".
      return { get: (name: string) => values.get(name) || 'Off' };
    };
    const c8no = await fill({ type: 'asylum-affirmative', eadCategory: '(c)(8)', arrestedOrConvicted: false });
    expect([c8no.get(F.arrestedYes), c8no.get(F.arrestedNo)]).toEqual(['Off', 'N']);
    const c8yes = await fill({ type: 'asylum-affirmative', eadCategory: '(c)(8)', arrestedOrConvicted: true });
    expect([c8yes.get(F.arrestedYes), c8yes.get(F.arrestedNo)]).toEqual(['Y', 'Off']);
    const a12 = await fill({ type: 'tps', eadCategory: '(a)(12)', arrestedOrConvicted: true });
    expect([a12.get(F.arrestedYes), a12.get(F.arrestedNo)]).toEqual(['Off', 'Off']);
    expect([a12.get(F.cat1), a12.get(F.cat2)]).toEqual(['a', '12']);
  });

  it('an AR-11 with the new residence and the status', async () => {
    const filled = await core.call('forms.fill', { templateId: ar11.blankId, personId: tpsGranted.id });
    const { file, values } = checkOutput('ar11.pdf', filled.pdf);
    expect(values.get('LastName')).toBe('García López');
    expect(values.get('FirstName')).toBe('José María');
    expect(values.get('form1[0].#subform[0].S2B_StreetNumberName[0]')).toBe('88 Harbor Way');
    expect(values.get('form1[0].#subform[0].S2B_State[0]')).toBe('TX');
    expect(values.get('form1[0].#subform[0].S1_Other[0]')).toBe('TPS');
    expect(values.get('form1[0].#subform[0].S1_DateOfBirth[0]')).toBe('11/30/1985');
    expect(pdfText(file, { first: 1, last: 1 })).toContain('88 Harbor Way');
    expect(await inkInField(file, 'LastName')).toBeGreaterThan(40);
  });
});

async function waitFor(jobId: string, until: (s: JobStatus) => boolean): Promise<JobStatus> {
  for (;;) {
    const s = await core.call('jobs.status', { jobId });
    if (until(s)) return s;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('the TPS drive', () => {
  it('fills the I-765 with (a)(12), or (c)(19) where the I-821 is pending, and the clinic’s I-821 in the same job', async () => {
    // No I-821 blank is among the fixtures: a blank the clinic mapped itself, saved as form "i-821", stands in for it.
    const own = await core.call('forms.importBlank', { fileName: 'g-28.pdf', dataBase64: b64(readBlank('g-28')) });
    const i821 = await core.call('forms.saveTemplate', {
      id: own.blankId,
      name: 'I-821 (clinic map)',
      map: {
        form: 'i-821',
        edition: 'clinic',
        fields: { 'form1[0].#subform[1].Pt3Line5a_FamilyName[0]': { transform: 'name-family', source: 'person' } },
      },
    });
    expect(i821.form).toBe('i-821');
    const people = [tpsGranted, tpsPending, asylum];
    const { jobId, total } = await core.call('forms.batchStart', {
      templateId: i765.blankId,
      alsoTemplateIds: [i821.id],
      personIds: people.map((p) => p.id),
      eadBasis: 'tps',
    });
    expect(total).toBe(6);
    const done = await waitFor(jobId, (s) => s.state !== 'running');
    expect(done.state).toBe('done');
    expect(done.results.map((r) => [r.personId, r.templateId, r.ok])).toEqual(
      people.flatMap((p) => [
        [p.id, i765.blankId, true],
        [p.id, i821.id, true],
      ]),
    );
    const categories: string[] = [];
    for (const r of done.results) {
      const pdf = await batchPdf(core, jobId, r.index);
      const { file, values } = checkOutput(`drive-${r.index}.pdf`, pdf.pdf);
      if (r.templateId === i765.blankId) {
        categories.push(`(${values.get(F.cat1)})(${values.get(F.cat2)})`);
        expect(await inkInField(file, F.family)).toBeGreaterThan(40);
      } else {
        expect(values.get('form1[0].#subform[1].Pt3Line5a_FamilyName[0]')).toBe(people[Math.floor(r.index / 2)]!.person.familyName);
      }
    }
    // The drive asks for the TPS work permit even for the person whose open case is asylum (no TPS status typed: re-registration).
    expect(categories).toEqual(['(a)(12)', '(c)(19)', '(a)(12)']);
    await core.call('jobs.discard', { jobId });
  });

  it('refuses the whole drive up front when an extra template does not exist: no job, no history', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const e = await errorOf(
      core.call('forms.batchStart', { templateId: i765.blankId, alsoTemplateIds: [missing], personIds: [tpsGranted.id], eadBasis: 'tps' }),
    );
    expect(e.code).toBe('NOT_FOUND');
    expect(await core.call('forms.history', { personId: tpsGranted.id })).toHaveLength(0);
  });
});
