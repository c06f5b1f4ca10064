/**
 * One page of a PDF drawn with pdf.js on a canvas, with the chosen field's
 * widget rectangle(s) outlined over it. The canvas is an image to assistive
 * technology (role="img" with a label saying which page and field); the
 * field list beside it carries the same information as text.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useI18n } from '../../i18n';
import { renderPage, type Box } from './pdf';

export interface PdfPreviewProps {
  doc: PDFDocumentProxy | null;
  /** 1-based. */
  page: number;
  /** Fully qualified field name to outline. */
  highlight?: string | null | undefined;
  /** What the canvas shows, e.g. "Preview of the blank". */
  label: string;
  width?: number;
  onPageChange?(page: number): void;
  testId?: string;
}

export function PdfPreview({ doc, page, highlight, label, width = 520, onPageChange, testId }: PdfPreviewProps) {
  const { t } = useI18n();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [rendered, setRendered] = useState<{
    doc: PDFDocumentProxy;
    page: number;
    size: { width: number; height: number };
    widgets: Map<string, Box[]>;
  } | null>(null);
  const [failed, setFailed] = useState(false);
  const pageCount = doc?.numPages ?? 0;

  useEffect(() => {
    if (!doc || page < 1 || page > doc.numPages) return;
    let live = true;
    renderPage(doc, page, width)
      .then((r) => {
        const target = canvasRef.current;
        if (!live || !target) return;
        target.width = r.canvas.width;
        target.height = r.canvas.height;
        target.style.width = `${Math.floor(r.width)}px`;
        target.style.height = `${Math.floor(r.height)}px`;
        target.getContext('2d')?.drawImage(r.canvas, 0, 0);
        r.canvas.width = 0;
        r.canvas.height = 0;
        setFailed(false);
        setRendered({ doc, page, size: { width: r.width, height: r.height }, widgets: r.widgets });
      })
      .catch(() => {
        if (live) setFailed(true);
      });
    return () => {
      live = false;
    };
  }, [doc, page, width]);

  const current = rendered && rendered.doc === doc && rendered.page === page ? rendered : null;
  const boxes = useMemo<Box[]>(() => (highlight && current?.widgets.get(highlight)) || [], [highlight, current]);

  // Bring the outlined field into view inside the scroll box.
  useEffect(() => {
    const box = boxes[0];
    const el = scrollRef.current;
    if (!box || !el) return;
    const top = box.top - 60;
    if (box.top < el.scrollTop || box.top + box.height > el.scrollTop + el.clientHeight) el.scrollTo({ top: Math.max(0, top) });
  }, [boxes]);

  const status = !doc || (!current && !failed) ? t('forms.preview.rendering') : failed ? t('forms.preview.failed') : '';
  const imgLabel =
    highlight && boxes.length > 0
      ? t('forms.preview.labelHighlight', { label, page, pages: pageCount })
      : t('forms.preview.label', { label, page, pages: pageCount });

  return (
    <div className="pdf-preview" data-testid={testId}>
      {onPageChange && pageCount > 1 ? (
        <div className="pdf-pager" role="group" aria-label={t('forms.preview.pages')}>
          <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
            {t('forms.preview.prev')}
          </button>
          <span aria-live="polite">{t('forms.preview.pageOf', { page, pages: pageCount })}</span>
          <button type="button" className="btn btn-small" disabled={page >= pageCount} onClick={() => onPageChange(page + 1)}>
            {t('forms.preview.next')}
          </button>
        </div>
      ) : null}
      <div className="pdf-scroll" ref={scrollRef}>
        <div className="pdf-stage" data-rendered={current ? 'true' : 'false'} data-highlighted={boxes.length}>
          <canvas ref={canvasRef} role="img" aria-label={imgLabel} className="pdf-canvas" />
          {boxes.map((b, i) => (
            <span
              key={i}
              className="pdf-highlight"
              aria-hidden="true"
              style={{ left: `${b.left - 3}px`, top: `${b.top - 3}px`, width: `${b.width + 6}px`, height: `${b.height + 6}px` }}
            />
          ))}
        </div>
      </div>
      <p className="pdf-status" role="status">
        {status}
      </p>
    </div>
  );
}
