import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { openPdf } from '../pdf';

/** Opens PDF bytes from the core with pdf.js, and closes the document when they change or the mapper closes. */
export function usePdf(bytes: Uint8Array | null): { doc: PDFDocumentProxy | null; failed: boolean } {
  const [state, setState] = useState<{ src: Uint8Array; doc: PDFDocumentProxy | null; failed: boolean } | null>(null);
  useEffect(() => {
    if (!bytes) return;
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    openPdf(bytes)
      .then((d) => {
        if (!live) return void d.destroy();
        opened = d;
        setState({ src: bytes, doc: d, failed: false });
      })
      .catch(() => {
        if (live) setState({ src: bytes, doc: null, failed: true });
      });
    return () => {
      live = false;
      void opened?.destroy();
    };
  }, [bytes]);
  return state && state.src === bytes ? { doc: state.doc, failed: state.failed } : { doc: null, failed: false };
}
