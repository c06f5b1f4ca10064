import { describe, expect, it } from 'vitest';
import { MAX_SAVE_BYTES, validateSaveFile } from '../../../electron/main/save-file-guard';

const app = { url: 'amparo://app/people/1', isTopFrame: true };
const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n%%EOF\n'));
const code = (r: ReturnType<typeof validateSaveFile>) => (r.ok ? 'OK' : r.error.code);

describe('validateSaveFile: sender', () => {
  it.each([
    [{ url: 'https://evil.example/', isTopFrame: true }],
    [{ url: 'amparo://evil/index.html', isTopFrame: true }],
    [{ url: 'amparo://app/index.html', isTopFrame: false }],
    [{ url: null, isTopFrame: true }],
    [{ url: undefined, isTopFrame: true }],
  ])('refuses %o before looking at anything else', (sender) => {
    expect(code(validateSaveFile(sender, '../../etc/passwd', 'not bytes!', 'text/html'))).toBe('FORBIDDEN');
  });
});

describe('validateSaveFile: arguments', () => {
  it('accepts a PDF, CSV or calendar with a plain name and takes the bytes as they came', () => {
    const r = validateSaveFile(app, 'G-28 García López, José 2026-11-26.pdf', PDF, 'application/pdf');
    expect(r.ok && r.value.name).toBe('G-28 García López, José 2026-11-26.pdf');
    expect(r.ok && r.value.bytes.toString('latin1')).toBe('%PDF-1.7\n%%EOF\n');
    expect(code(validateSaveFile(app, 'people.csv', new TextEncoder().encode('a,b\n'), 'text/csv'))).toBe('OK');
    expect(code(validateSaveFile(app, 'hearings.ics', new Uint8Array(0), 'text/calendar'))).toBe('OK');
    const xlsx = validateSaveFile(
      app,
      'amparo-export',
      new Uint8Array(4),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.ok && xlsx.value.name).toBe('amparo-export.xlsx');
  });

  it('adds the extension the kind of file calls for', () => {
    const r = validateSaveFile(app, 'summary', PDF, 'application/pdf');
    expect(r.ok && r.value.name).toBe('summary.pdf');
    const upper = validateSaveFile(app, 'SUMMARY.PDF', PDF, 'application/pdf');
    expect(upper.ok && upper.value.name).toBe('SUMMARY.PDF');
  });

  it.each([
    ['a/b.pdf'],
    ['..\\b.pdf'],
    ['../../.bashrc'],
    ['C:evil.pdf'],
    ['report.pdf:stream'],
    ['tab\there.pdf'],
    ['nul\u0000.pdf'],
    ['rtl\u202egnp.pdf'],
    ['..'],
    ['.'],
    [''],
    ['   '],
    ['x'.repeat(201)],
  ])('refuses the name %j', (name) => {
    expect(code(validateSaveFile(app, name, PDF, 'application/pdf'))).toBe('INVALID_INPUT');
  });

  it.each([['text/html'], ['application/octet-stream'], ['application/x-msdownload'], ['toString'], ['__proto__'], [''], [null], [42]])(
    'refuses the mime %j',
    (mime) => {
      expect(code(validateSaveFile(app, 'a.pdf', PDF, mime))).toBe('INVALID_INPUT');
    },
  );

  it('refuses non-string names, content that is not bytes (base64 text included), and more than 100 MB', () => {
    expect(code(validateSaveFile(app, 42, PDF, 'application/pdf'))).toBe('INVALID_INPUT');
    expect(code(validateSaveFile(app, { name: 'a.pdf' }, PDF, 'application/pdf'))).toBe('INVALID_INPUT');
    expect(code(validateSaveFile(app, 'a.pdf', Buffer.from('%PDF').toString('base64'), 'application/pdf'))).toBe('INVALID_INPUT');
    expect(code(validateSaveFile(app, 'a.pdf', [37, 80, 68, 70], 'application/pdf'))).toBe('INVALID_INPUT');
    expect(code(validateSaveFile(app, 'a.pdf', new Uint16Array(3), 'application/pdf'))).toBe('INVALID_INPUT');
    expect(code(validateSaveFile(app, 'a.pdf', null, 'application/pdf'))).toBe('INVALID_INPUT');
    const tooBig = new Uint8Array(MAX_SAVE_BYTES + 1);
    expect(code(validateSaveFile(app, 'a.pdf', tooBig, 'application/pdf'))).toBe('INVALID_INPUT');
    expect(code(validateSaveFile(app, 'a.pdf', new Uint8Array(MAX_SAVE_BYTES), 'application/pdf'))).toBe('OK');
  });
});
