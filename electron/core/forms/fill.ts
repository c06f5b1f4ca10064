/**
 * Fills an AcroForm from a field map and the case data view.
 *
 * Every value written gets its appearance stream generated here
 * (appearance.ts), each glyph run in a bundled Unicode font that has it, so
 * it shows in every viewer (NeedAppearances is set false). A value that does not fit its field, by
 * MaxLen or by width at MIN_FONT_SIZE, is never cut: the field points to an
 * addendum page that carries the field's label and the full value.
 */
import {
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  translate,
  PDFBool,
  PDFCheckBox,
  PDFDict,
  PDFDropdown,
  PDFName,
  PDFNumber,
  PDFOptionList,
  PDFRadioGroup,
  PDFRef,
  PDFStream,
  PDFTextField,
  TextAlignment,
  type PDFDocument,
  type PDFField,
  type PDFForm,
  type PDFWidgetAnnotation,
} from 'pdf-lib';
import { AppError } from '../../../shared/errors';
import type { FieldMap } from '../../../shared/forms/map-schema';
import { aNumber, computeValue, makeReader, type FieldValue } from '../../../shared/forms/transforms';
import type { EditionReport, FillWarning, OverflowItem } from '../../../shared/forms/types';
import type { FormView } from '../../../shared/forms/view';
import { appendAddendum } from './addendum';
import { assertEdition, assertMapFits, compareEdition, isSameEdition } from './edition';
import { fieldType, labelOf, namedFields, widgetPages } from './fields';
import { DocumentFonts } from './fonts';
import { daColor, drawPlan, planComb, planList, planMultiline, planSingle, type TextPlan } from './appearance';
import { daFontSize } from './layout';
import { openBlankCopy, removeXfa, saveFill } from './pdf';
import { useNativeDeflateForXObjects } from './streams';

export interface FillProgress {
  done: number;
  total: number;
}

export interface FillOptions {
  /** Decrypted blank (loadBlank().bytes). */
  blank: Uint8Array;
  /** sha256 of the original download (loadBlank().sha256); without it the edition is judged by field names. */
  blankSha256?: string;
  map: FieldMap;
  data: FormView;
  /** Fill a blank whose edition differs from the map's, writing what still exists. */
  acceptEditionMismatch?: boolean;
  /** Make fields part of the page content (no longer editable). */
  flatten?: boolean;
  /** Folder holding fonts/ (defaults to the source tree's resources/). */
  resourcesDir?: string;
  onProgress?: (progress: FillProgress) => void;
  signal?: AbortSignal;
}

export interface FillResult {
  bytes: Uint8Array;
  /** Fields that received a value, including those that point to the addendum. */
  filled: number;
  overflow: OverflowItem[];
  warnings: FillWarning[];
  edition: EditionReport;
  /** Pages of the output, addendum included. */
  pageCount: number;
}

/** Shortest last: the first that fits the field is used. */
const ADDENDUM_REFERENCES = ['See addendum', 'See add.', 'Add.', '*'];

/** Fields between yields to the event loop, so a cancel can arrive mid-fill. */
const YIELD_EVERY = 64;

export async function fillForm(opts: FillOptions): Promise<FillResult> {
  throwIfCancelled(opts.signal);
  const doc = await openBlankCopy(opts.blank);
  removeXfa(doc);
  useNativeDeflateForXObjects(doc);
  const form = doc.getForm();
  const byName = namedFields(form.getFields());

  const edition = compareEdition(opts.map, byName.keys(), opts.blankSha256);
  assertMapFits(
    opts.map,
    [...byName].map(([name, f]) => ({ name, type: fieldType(f) })),
  );
  assertEdition(opts.map, edition, opts.blankSha256, opts.acceptEditionMismatch ?? false);
  const warnings: FillWarning[] = [];
  if (!isSameEdition(edition, opts.blankSha256)) {
    warnings.push({
      code: 'EDITION_MISMATCH',
      message: `Blank differs from ${opts.map.form.toUpperCase()} edition ${opts.map.edition}: ${edition.missing.length} mapped fields missing, ${edition.added.length} new fields`,
    });
  }

  const ctx: FillContext = { fonts: await DocumentFonts.open(doc, opts.resourcesDir), warnings, overflow: [] };
  const read = makeReader(opts.data, opts.map.aliases);
  const entries = Object.entries(opts.map.fields);
  let filled = 0;
  for (const [i, [name, entry]] of entries.entries()) {
    if (i % YIELD_EVERY === 0 && i > 0) await yieldToEventLoop();
    throwIfCancelled(opts.signal);
    const value = computeValue(entry, read);
    const field = byName.get(name);
    if (!field) {
      if (value.kind !== 'empty') warnings.push({ code: 'FIELD_MISSING', field: name, message: 'Mapped field is not in this blank' });
    } else if (await writeValue(name, field, value, ctx)) {
      filled++;
    }
    opts.onProgress?.({ done: i + 1, total: entries.length });
  }

  throwIfCancelled(opts.signal);
  if (ctx.overflow.length > 0) {
    await appendAddendum(doc, ctx.fonts, ctx.overflow, {
      title: `Addendum to ${opts.map.title ?? `Form ${opts.map.form.toUpperCase()}`}`,
      lines: identityLines(opts.data),
    });
  }
  finishForm(form);
  if (opts.flatten) flatten(doc, form);
  const bytes = await saveFill(doc);
  throwIfCancelled(opts.signal);
  return { bytes, filled, overflow: ctx.overflow, warnings, edition, pageCount: doc.getPageCount() };
}

interface FillContext {
  fonts: DocumentFonts;
  warnings: FillWarning[];
  overflow: OverflowItem[];
}

/** Returns whether the field now holds a value. */
async function writeValue(name: string, field: PDFField, value: FieldValue, ctx: FillContext): Promise<boolean> {
  switch (value.kind) {
    case 'empty':
      return false;
    case 'bad':
      ctx.warnings.push({ code: 'BAD_VALUE', field: name, message: `Value left out: ${value.reason}` });
      return false;
    case 'check':
      return writeCheck(name, field, value.on, ctx);
    case 'text':
      if (field instanceof PDFTextField) return writeText(name, field, value.text, ctx);
      if (field instanceof PDFDropdown || field instanceof PDFOptionList || field instanceof PDFRadioGroup) {
        return writeChoice(name, field, value.text, ctx);
      }
      ctx.warnings.push({ code: 'FIELD_TYPE', field: name, message: 'Text value mapped to a field that takes no text' });
      return false;
  }
}

function writeCheck(name: string, field: PDFField, on: boolean, ctx: FillContext): boolean {
  if (!(field instanceof PDFCheckBox)) {
    ctx.warnings.push({ code: 'FIELD_TYPE', field: name, message: 'Checkbox value mapped to a non-checkbox field' });
    return false;
  }
  if (on) field.check();
  else field.uncheck();
  // USCIS blanks carry on/off appearances; generate only where one is missing.
  if (field.needsAppearancesUpdate()) field.defaultUpdateAppearances();
  return on;
}

async function writeText(name: string, field: PDFTextField, value: string, ctx: FillContext): Promise<boolean> {
  // Each glyph run gets the bundled font that has it, so mixed scripts stay in the field.
  const { missing } = ctx.fonts.segment(value);
  if (missing > 0) {
    ctx.warnings.push({
      code: 'GLYPH_MISSING',
      field: name,
      message: `${missing} characters have no glyph in the bundled fonts`,
    });
  }
  const maxLen = field.getMaxLength();
  const plans = maxLen !== undefined && value.length > maxLen ? undefined : planText(field, value, ctx.fonts);
  if (!plans) {
    await writeAddendumReference(field, ctx);
    ctx.overflow.push({ field: name, label: labelOf(field), value });
    return true;
  }
  field.setText(value);
  await drawPlans(field, plans, ctx);
  return true;
}

function daOf(field: PDFField, widget: PDFWidgetAnnotation): string | undefined {
  return widget.getDefaultAppearance() ?? field.acroField.getDefaultAppearance();
}

/** One plan per widget, or undefined when the value does not fit one of them. */
function planText(field: PDFTextField, text: string, fonts: DocumentFonts): TextPlan[] | undefined {
  const plans: TextPlan[] = [];
  for (const widget of field.acroField.getWidgets()) {
    const da = daFontSize(daOf(field, widget));
    const plan = field.isCombed()
      ? planComb(fonts, text, widget, da, field.getMaxLength() ?? 0)
      : field.isMultiline()
        ? planMultiline(fonts, text, widget, da, field.getAlignment())
        : planSingle(fonts, text, widget, da, field.getAlignment());
    if (!plan) return undefined;
    plans.push(plan);
  }
  return plans;
}

async function drawPlans(field: PDFField, plans: TextPlan[], ctx: FillContext): Promise<void> {
  const widgets = field.acroField.getWidgets();
  for (const [i, plan] of plans.entries()) {
    const widget = widgets[i];
    if (widget) await drawPlan(ctx.fonts, widget, plan, daColor(daOf(field, widget)));
  }
}

async function writeAddendumReference(field: PDFTextField, ctx: FillContext): Promise<void> {
  const maxLen = field.getMaxLength() ?? Infinity;
  for (const ref of ADDENDUM_REFERENCES) {
    if (ref.length > maxLen) continue;
    const plans = planText(field, ref, ctx.fonts);
    if (!plans) continue;
    field.setText(ref);
    await drawPlans(field, plans, ctx);
    return;
  }
  // Not even "*" fits: leave the field empty; the addendum still lists it.
  field.setText(undefined);
}

async function writeChoice(
  name: string,
  field: PDFDropdown | PDFOptionList | PDFRadioGroup,
  value: string,
  ctx: FillContext,
): Promise<boolean> {
  const options = field.getOptions();
  const wanted = value.trim().toLowerCase();
  const option = options.find((o) => o === value) ?? options.find((o) => o.trim().toLowerCase() === wanted);
  const editable = field instanceof PDFDropdown && field.isEditable();
  if (option === undefined && !editable) {
    ctx.warnings.push({ code: 'OPTION_NOT_FOUND', field: name, message: 'Value is not one of the field options' });
    return false;
  }
  const chosen = option ?? value;
  field.select(chosen);
  if (field instanceof PDFRadioGroup) return true;
  const plans = field.acroField.getWidgets().map((widget) => {
    const da = daFontSize(daOf(field, widget));
    if (field instanceof PDFDropdown) return planSingle(ctx.fonts, chosen, widget, da, TextAlignment.Left, true);
    const shown = field.isSorted() ? [...options].sort() : options;
    return planList(ctx.fonts, shown, field.getSelected(), widget, da);
  });
  const top = plans[0]?.topIndex;
  if (top !== undefined) {
    if (top > 0) field.acroField.dict.set(PDFName.of('TI'), PDFNumber.of(top));
    else field.acroField.dict.delete(PDFName.of('TI'));
  }
  await drawPlans(
    field,
    plans.filter((p): p is TextPlan => p !== undefined),
    ctx,
  );
  return true;
}

/**
 * Appearances are all generated, so viewers must not regenerate them (many
 * would with a font lacking the glyphs). /DA and /DR stay as the blank had
 * them: our subsets live only in our appearance streams, so an editor that
 * later refills a field uses the blank's own font, with all its glyphs.
 */
function finishForm(form: PDFForm): void {
  form.acroForm.dict.set(PDFName.of('NeedAppearances'), PDFBool.False);
}

/**
 * Draws each widget's current appearance into its page and drops the form.
 * pdf-lib's own flatten insists on an indirect appearance for every widget,
 * which USCIS blanks (empty fields, direct checkbox states) do not have.
 */
function flatten(doc: PDFDocument, form: PDFForm): void {
  const pageOf = widgetPages(doc);
  const pages = doc.getPages();
  for (const field of form.getFields()) {
    for (const widget of field.acroField.getWidgets()) {
      const page = pages[(pageOf.get(widget.dict) ?? 0) - 1];
      const appearance = currentAppearance(doc, widget);
      const hidden = ((widget.dict.lookupMaybe(PDFName.of('F'), PDFNumber)?.asNumber() ?? 0) & 2) !== 0;
      if (!page || !appearance || hidden) continue;
      const { x, y } = widget.getRectangle();
      const key = page.node.newXObject('FlatWidget', appearance);
      page.pushOperators(pushGraphicsState(), translate(x, y), drawObject(key), popGraphicsState());
    }
  }
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    const kept = annots.asArray().filter((a) => {
      const dict = doc.context.lookup(a);
      return !(dict instanceof PDFDict && dict.get(PDFName.of('Subtype')) === PDFName.of('Widget'));
    });
    page.node.set(PDFName.of('Annots'), doc.context.obj(kept));
  }
  doc.catalog.delete(PDFName.of('AcroForm'));
}

function currentAppearance(doc: PDFDocument, widget: PDFWidgetAnnotation): PDFRef | undefined {
  const ap = widget.dict.lookupMaybe(PDFName.of('AP'), PDFDict);
  let normal = ap?.get(PDFName.of('N'));
  const resolved = normal instanceof PDFRef ? doc.context.lookup(normal) : normal;
  if (resolved instanceof PDFDict && !(resolved instanceof PDFStream)) {
    // A state dictionary (checkbox, radio): the widget's /AS names the one shown.
    const state = widget.dict.get(PDFName.of('AS'));
    normal = state instanceof PDFName ? resolved.get(state) : undefined;
  }
  if (normal instanceof PDFRef) return normal;
  if (normal instanceof PDFStream) return doc.context.register(normal);
  return undefined;
}

function identityLines(data: FormView): string[] {
  const p = data.person;
  const name = [p.familyName, [p.givenName, p.middleName].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const lines = [`Name: ${name}`];
  const a = p.aNumber ? aNumber(p.aNumber) : undefined;
  if (a?.kind === 'text') lines.push(`A-Number: A-${a.text.slice(0, 3)}-${a.text.slice(3, 6)}-${a.text.slice(6)}`);
  return lines;
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('CANCELLED', 'Form filling was cancelled');
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
