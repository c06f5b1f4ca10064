/**
 * A field map entry in words, and a fresh entry when its transform changes:
 * the pure half of the field editor and the field list.
 */
import type { MapEntry, Transform } from '../../../../../shared/forms/map-schema';
import type { FieldInfo } from '../../../../../shared/forms/types';
import type { FormSources, SourcePath } from '../../../../../shared/views';
import type { Lang } from '../../../../../shared/i18n';
import type { useI18n } from '../../../i18n';

const labelOf = (p: SourcePath | undefined, lang: Lang, fallback: string) => (p ? p.label[lang] : fallback);

export function sourceText(source: string | string[], paths: Map<string, SourcePath>, lang: Lang): string {
  const list = Array.isArray(source) ? source : [source];
  return list.map((s) => labelOf(paths.get(s), lang, s)).join(' + ');
}

/** One line saying where a field's value comes from. */
export function describe(entry: MapEntry | undefined, sources: FormSources | null, lang: Lang, t: ReturnType<typeof useI18n>['t']): string {
  if (!entry) return '';
  const paths = new Map((sources?.paths ?? []).map((p) => [p.path, p]));
  const tr = sources?.transforms.find((x) => x.id === entry.transform)?.label[lang] ?? entry.transform;
  switch (entry.transform) {
    case 'constant':
      return typeof entry.value === 'boolean'
        ? entry.value
          ? t('forms.mapper.alwaysChecked')
          : t('forms.mapper.neverChecked')
        : `“${entry.value}”`;
    case 'checkbox-if': {
      const src = sourceText(entry.source, paths, lang);
      if (entry.truthy !== undefined) return `${src}: ${entry.truthy ? t('forms.mapper.cond.present') : t('forms.mapper.cond.empty')}`;
      return `${src} = ${String(entry.equals)}`;
    }
    default:
      return `${sourceText(entry.source, paths, lang)} · ${tr}`;
  }
}

export function firstSource(entry: MapEntry | undefined): string | undefined {
  if (!entry || !('source' in entry)) return undefined;
  return Array.isArray(entry.source) ? entry.source[0] : entry.source;
}

/** A fresh entry when the transform changes, keeping the source where it still fits. */
export function entryFor(transform: Transform, field: FieldInfo, prev: MapEntry | undefined, paths: SourcePath[]): MapEntry {
  const prevSource = firstSource(prev);
  const prevPath = paths.find((p) => p.path === prevSource);
  const firstText = paths.find((p) => p.kind !== 'object')?.path ?? 'person.givenName';
  switch (transform) {
    case 'constant':
      return field.type === 'checkbox' ? { transform, value: true } : { transform, value: '' };
    case 'checkbox-if':
      return { transform, source: prevPath && prevPath.kind !== 'object' ? prevPath.path : firstText, truthy: true };
    case 'name-given':
    case 'name-family':
    case 'name-middle':
      return { transform, source: prevPath?.kind === 'object' ? prevPath.path : 'person' };
    default:
      if (prev && prev.transform !== 'constant' && prev.transform !== 'checkbox-if' && !prev.transform.startsWith('name-'))
        return { ...prev, transform } as MapEntry;
      return { transform, source: prevPath && prevPath.kind !== 'object' ? prevPath.path : firstText };
  }
}
