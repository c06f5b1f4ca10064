/**
 * Form templates: an official blank imported once (decrypted, XFA removed,
 * fields listed), stored in the vault with the field map that fills it.
 */
import { PDFDocument } from 'pdf-lib';
import { AppError } from '../../../../shared/errors';
import { parseFieldMap, validateMap, type FieldMap } from '../../../../shared/forms/map-schema';
import type { FieldInfo } from '../../../../shared/forms/types';
import type { ImportedBlank, TemplateMatch, TemplateSummary, TemplateView } from '../../../../shared/views';
import { audit } from '../../audit';
import { newId, type Ctx } from '../../context';
import { stampOf } from '../../intake/records';
import { loadBlank, sha256Hex, type LoadedBlank } from '../blank';
import { withPlainPdfErrors } from './errors';
import { detectMap, shippedMaps } from './shipped';

export interface TemplateRow {
  id: string;
  name: string;
  form: string;
  edition: string | null;
  file_name: string | null;
  blank_sha256: string;
  page_count: number;
  fields: string;
  map: string | null;
  match: string | null;
  status: 'draft' | 'ready';
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** Every column but the blank itself (up to megabytes), which only a fill or a preview reads. */
const COLUMNS =
  'id, name, form, edition, file_name, blank_sha256, page_count, fields, map, match, status, version, created_at, created_by, updated_at, updated_by';

export interface LoadedTemplate {
  row: TemplateRow;
  blank: Uint8Array;
  fields: FieldInfo[];
  map: FieldMap | null;
}

export function decodeBase64(data: string): Uint8Array {
  const buf = Buffer.from(data, 'base64');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * Decrypts and stores a blank as a template. A blank a shipped map was made
 * for (same sha256) is ready at once; a different edition of a known form is
 * a draft carrying that map, with the field differences; anything else is a
 * draft without a map. Nothing is written when the PDF is refused.
 */
export async function importBlank(
  getCtx: () => Ctx,
  input: { fileName: string; dataBase64: string },
  /** The same file already decrypted (loadBlank) by the caller: not decrypted twice. */
  preloaded?: LoadedBlank,
): Promise<ImportedBlank> {
  getCtx(); // VAULT_LOCKED before any work
  const original = decodeBase64(input.dataBase64);
  const sha256 = sha256Hex(original);
  const existing = findBySha(getCtx(), sha256);
  if (existing) return { ...viewOf(existing), blankId: existing.id, alreadyImported: true };

  const loaded = preloaded?.sha256 === sha256 ? preloaded : await withPlainPdfErrors(() => loadBlank(original));
  const pageCount = (await PDFDocument.load(loaded.bytes, { updateMetadata: false })).getPageCount();
  const detected = detectMap(await shippedMaps(), loaded.fields, loaded.sha256);
  const ready = detected?.match.exact === true;

  const ctx = getCtx();
  const id = newId();
  const now = ctx.now();
  const fileName = baseName(input.fileName);
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO form_templates(id, name, form, edition, file_name, blank, blank_sha256, page_count, fields, map, match, status, version, created_at, created_by, updated_at, updated_by)
         VALUES (@id, @name, @form, @edition, @fileName, @blank, @sha, @pages, @fields, @map, @match, @status, 1, @now, @actor, @now, @actor)`,
      )
      .run({
        id,
        name: (detected?.map.title ?? fileName.replace(/\.pdf$/i, '')).slice(0, 200) || 'Form',
        form: detected?.map.form ?? 'custom',
        edition: detected?.map.edition ?? null,
        fileName,
        blank: Buffer.from(loaded.bytes.buffer, loaded.bytes.byteOffset, loaded.bytes.byteLength),
        sha: loaded.sha256,
        pages: pageCount,
        fields: JSON.stringify(loaded.fields),
        map: detected ? JSON.stringify(detected.map) : null,
        match: detected ? JSON.stringify(detected.match) : null,
        status: ready ? 'ready' : 'draft',
        now,
        actor: ctx.actor,
      });
    audit(ctx, 'forms.importBlank', 'form_template', id, {
      form: detected?.map.form ?? 'custom',
      edition: detected?.map.edition ?? '',
      exact: ready ? 1 : 0,
    });
  })();
  return { ...viewOf(templateRow(ctx, id)), blankId: id, alreadyImported: false };
}

export function listTemplates(ctx: Ctx): TemplateSummary[] {
  const rows = ctx.db.prepare(`SELECT ${COLUMNS} FROM form_templates ORDER BY form, updated_at DESC`).all() as TemplateRow[];
  return rows.map(summaryOf);
}

export function getTemplate(ctx: Ctx, id: string): TemplateView {
  return viewOf(templateRow(ctx, id));
}

/** The decrypted blank as bytes (not base64): it crosses IPC as binary. */
export function blankBytes(ctx: Ctx, id: string): { pdf: Uint8Array; pageCount: number } {
  const t = loadTemplate(ctx, id);
  return { pdf: t.blank, pageCount: t.row.page_count };
}

/**
 * Saves a map for this blank. The map is checked against the blank's own
 * fields (each mapped field must exist with a type the entry can fill) and
 * then bound to this blank: its sha256 and field list become the template's,
 * so later fills treat the blank as the edition the map was made for.
 */
export function saveTemplate(ctx: Ctx, input: { id: string; version?: number | undefined; name: string; map: unknown }): TemplateView {
  return ctx.db.transaction(() => {
    const row = templateRow(ctx, input.id);
    if (input.version !== undefined && input.version !== row.version) {
      throw new AppError('STALE_WRITE', 'Someone changed this template since you opened it. Reload it and make your changes again.');
    }
    const fields = JSON.parse(row.fields) as FieldInfo[];
    const raw = input.map as Record<string, unknown>;
    const map = parseFieldMap({ ...raw, blankSha256: row.blank_sha256, blankFields: fields.map((f) => f.name) });
    const problems = validateMap(map, fields);
    if (problems.length > 0) {
      throw new AppError('INVALID_INPUT', 'The map names fields this blank does not have, or fields of a type the entry cannot fill.', {
        problems,
      });
    }
    const now = ctx.now();
    ctx.db
      .prepare(
        `UPDATE form_templates SET name = ?, form = ?, edition = ?, map = ?, status = 'ready', version = version + 1, updated_at = ?, updated_by = ?
         WHERE id = ?`,
      )
      .run(input.name, map.form, map.edition, JSON.stringify(map), now, ctx.actor, input.id);
    audit(ctx, 'forms.saveTemplate', 'form_template', input.id, {
      form: map.form,
      edition: map.edition,
      fields: Object.keys(map.fields).length,
    });
    return viewOf(templateRow(ctx, input.id));
  })();
}

export function deleteTemplate(ctx: Ctx, id: string, version?: number): void {
  ctx.db.transaction(() => {
    const row = templateRow(ctx, id);
    if (version !== undefined && version !== row.version) {
      throw new AppError('STALE_WRITE', 'Someone changed this template since you opened it. Reload it first.');
    }
    ctx.db.prepare('DELETE FROM form_templates WHERE id = ?').run(id);
    audit(ctx, 'forms.deleteTemplate', 'form_template', id, { form: row.form });
  })();
}

/** A template with its blank, for filling. */
export function loadTemplate(ctx: Ctx, id: string): LoadedTemplate {
  const row = ctx.db.prepare(`SELECT ${COLUMNS}, blank FROM form_templates WHERE id = ?`).get(id) as
    (TemplateRow & { blank: Buffer }) | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'This form template no longer exists.');
  const { blank, ...rest } = row;
  return {
    row: rest,
    blank: new Uint8Array(blank.buffer, blank.byteOffset, blank.byteLength),
    fields: JSON.parse(rest.fields) as FieldInfo[],
    map: rest.map === null ? null : (JSON.parse(rest.map) as FieldMap),
  };
}

/** The template `forms.fill { form }` uses: a ready one first, then the most recently changed with a map. */
export function templateIdForForm(ctx: Ctx, form: string): string {
  const row = ctx.db
    .prepare(
      `SELECT id FROM form_templates WHERE form = ? AND map IS NOT NULL
       ORDER BY status = 'ready' DESC, updated_at DESC, id DESC LIMIT 1`,
    )
    .get(form) as { id: string } | undefined;
  if (!row) {
    const name = form.toUpperCase();
    throw new AppError(
      'NOT_FOUND',
      `No ${name} blank has been imported yet. Download the current ${name} from uscis.gov and import it under Forms, then fill it again.`,
      { form },
    );
  }
  return row.id;
}

function templateRow(ctx: Ctx, id: string): TemplateRow {
  const row = ctx.db.prepare(`SELECT ${COLUMNS} FROM form_templates WHERE id = ?`).get(id) as TemplateRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'This form template no longer exists.');
  return row;
}

/** The stored template of exactly this download (its decrypted blank and fields), if it was imported before. */
export function templateBySha(ctx: Ctx, sha256: string): LoadedTemplate | undefined {
  const row = findBySha(ctx, sha256);
  return row ? loadTemplate(ctx, row.id) : undefined;
}

function findBySha(ctx: Ctx, sha256: string): TemplateRow | undefined {
  return ctx.db.prepare(`SELECT ${COLUMNS} FROM form_templates WHERE blank_sha256 = ? ORDER BY created_at LIMIT 1`).get(sha256) as
    TemplateRow | undefined;
}

function summaryOf(row: TemplateRow): TemplateSummary {
  return {
    ...stampOf(row),
    name: row.name,
    form: row.form,
    edition: row.edition,
    fileName: row.file_name,
    blankSha256: row.blank_sha256,
    pageCount: row.page_count,
    fieldCount: (JSON.parse(row.fields) as unknown[]).length,
    status: row.status,
    mapped: row.map !== null,
    match: row.match === null ? null : (JSON.parse(row.match) as TemplateMatch),
  };
}

function viewOf(row: TemplateRow): TemplateView {
  const fields = JSON.parse(row.fields) as FieldInfo[];
  const map = row.map === null ? null : (JSON.parse(row.map) as FieldMap);
  return { ...summaryOf(row), fields, map, problems: map ? validateMap(map, fields) : [] };
}

/** The file's own name, without any folder a browser or OS put before it. */
function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop()?.trim() ?? '';
}
