import {
  PDFButton,
  PDFCheckBox,
  PDFDict,
  PDFDropdown,
  PDFHexString,
  PDFName,
  PDFOptionList,
  PDFRadioGroup,
  PDFRef,
  PDFSignature,
  PDFString,
  PDFTextField,
  type PDFDocument,
  type PDFField,
} from 'pdf-lib';
import type { FieldInfo, FieldType } from '../../../shared/forms/types';
import { assertPdfWithinLimits } from './limits';
import { openPdf, removeXfa } from './pdf';

/** Lists the AcroForm fields of an unencrypted PDF (see decryptPdf). */
export async function listFields(bytes: Uint8Array): Promise<FieldInfo[]> {
  await assertPdfWithinLimits(bytes);
  const doc = await openPdf(bytes);
  return fieldsOf(doc);
}

export function fieldsOf(doc: PDFDocument): FieldInfo[] {
  removeXfa(doc);
  const pageOf = widgetPages(doc);
  return [...namedFields(doc.getForm().getFields())].map(([name, field]) => describe(name, field, pageOf));
}

/**
 * Fields by fully qualified name, as PDFField.getName() spells it (same
 * parent rule), but each parent's name decoded once: pdf-lib re-decodes the
 * whole chain of hex /T strings on every call, a fifth of a 448-field fill.
 */
export function namedFields(fields: readonly PDFField[]): Map<string, PDFField> {
  const memo = new Map<PDFDict, string>();
  const nameOf = (dict: PDFDict): string => {
    const known = memo.get(dict);
    if (known !== undefined) return known;
    const t = dict.lookup(PDFName.of('T'));
    const partial = t instanceof PDFString || t instanceof PDFHexString ? t.decodeText() : undefined;
    const parent = dict.get(PDFName.of('Parent')) instanceof PDFRef ? dict.lookupMaybe(PDFName.of('Parent'), PDFDict) : undefined;
    const name = parent ? `${nameOf(parent)}.${partial}` : `${partial}`;
    memo.set(dict, name);
    return name;
  };
  return new Map(fields.map((f) => [nameOf(f.acroField.dict), f]));
}

function describe(name: string, field: PDFField, pageOf: Map<PDFDict, number>): FieldInfo {
  const type = fieldType(field);
  const widgets = field.acroField.getWidgets();
  const page = widgets.map((w) => pageOf.get(w.dict)).find((p) => p !== undefined) ?? 0;
  const info: FieldInfo = { name, type, label: labelOf(field), page, options: optionsOf(field) };
  if (field instanceof PDFTextField) {
    const maxLen = field.getMaxLength();
    if (maxLen !== undefined) info.maxLen = maxLen;
    if (field.isCombed()) info.comb = true;
  }
  return info;
}

export function fieldType(field: PDFField): FieldType {
  if (field instanceof PDFTextField) return 'text';
  if (field instanceof PDFCheckBox) return 'checkbox';
  if (field instanceof PDFRadioGroup) return 'radio';
  if (field instanceof PDFDropdown) return 'dropdown';
  if (field instanceof PDFOptionList) return 'list';
  if (field instanceof PDFSignature) return 'signature';
  if (field instanceof PDFButton) return 'button';
  return 'button';
}

export function labelOf(field: PDFField): string {
  const tu = field.acroField.dict.lookup(PDFName.of('TU'));
  return tu instanceof PDFString || tu instanceof PDFHexString ? tu.decodeText().trim() : '';
}

function optionsOf(field: PDFField): string[] {
  if (field instanceof PDFRadioGroup || field instanceof PDFDropdown || field instanceof PDFOptionList) {
    return field.getOptions();
  }
  if (field instanceof PDFCheckBox) {
    const values = field.acroField.getWidgets().map((w) => w.getOnValue()?.decodeText());
    return [...new Set(values.filter((v): v is string => v !== undefined))];
  }
  return [];
}

/** Widgets often lack /P, so pages are found from each page's /Annots. */
export function widgetPages(doc: PDFDocument): Map<PDFDict, number> {
  const out = new Map<PDFDict, number>();
  doc.getPages().forEach((page, i) => {
    const annots = page.node.Annots();
    if (!annots) return;
    for (let j = 0; j < annots.size(); j++) {
      const annot = annots.lookup(j);
      if (annot instanceof PDFDict && !out.has(annot)) out.set(annot, i + 1);
    }
  });
  return out;
}
