/**
 * pdf.js for page previews, loaded on first use (it is a large module, and
 * most screens never need it). The CSP allows no eval and no WebAssembly,
 * so pdf.js runs with `isEvalSupported: false` and its JavaScript decoders;
 * the worker is a same-origin file that Vite emits next to the bundle
 * (`worker-src 'self'`). The bytes come from the core and stay in memory:
 * nothing is fetched, cached or written.
 */
import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';

type PdfJs = typeof PdfJsModule;

let loading: Promise<PdfJs> | null = null;

export function pdfjs(): Promise<PdfJs> {
  loading ??= (async () => {
    const [lib, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
    // One worker for every document of the session; pdf.js does not terminate a port it was given.
    lib.GlobalWorkerOptions.workerPort = new Worker(worker.default, { type: 'module', name: 'pdfjs' });
    return lib;
  })();
  loading.catch(() => (loading = null));
  return loading;
}

/** Opens PDF bytes (a copy: pdf.js transfers the buffer to its worker). */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    useWasm: false,
    enableXfa: false,
    // Errors only: pdf.js warns about every font quirk of government forms.
    verbosity: 0,
    // Nothing is fetched: no CMaps, no standard-font files, no wasm.
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
  });
  return task.promise;
}

/** A rectangle in CSS pixels on the rendered page. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface RenderedPage {
  canvas: HTMLCanvasElement;
  width: number;
  height: number;
  /** Widget rectangles by fully qualified field name (radio groups have several). */
  widgets: Map<string, Box[]>;
}

/**
 * Draws page `pageNumber` (1-based) at `cssWidth` pixels wide, with the
 * fields' own appearances (filled values show), into a new canvas that the
 * caller copies where it wants it (so two renders never share a canvas), and
 * lists the widget rectangles so a field can be highlighted over it.
 */
export async function renderPage(doc: PDFDocumentProxy, pageNumber: number, cssWidth: number): Promise<RenderedPage> {
  const lib = await pdfjs();
  const page: PDFPageProxy = await doc.getPage(pageNumber);
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: cssWidth / base.width });
  const dpr = Math.min(window.devicePixelRatio || 1, 2);
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width * dpr);
  canvas.height = Math.floor(viewport.height * dpr);
  await page.render({
    canvas,
    viewport,
    annotationMode: lib.AnnotationMode.ENABLE,
    ...(dpr !== 1 ? { transform: [dpr, 0, 0, dpr, 0, 0] } : {}),
  }).promise;
  const widgets = new Map<string, Box[]>();
  const annotations = (await page.getAnnotations({ intent: 'display' })) as Array<{
    subtype?: string;
    fieldName?: string;
    rect?: number[];
  }>;
  for (const a of annotations) {
    if (a.subtype !== 'Widget' || !a.fieldName || !a.rect || a.rect.length !== 4) continue;
    const [x1, y1, x2, y2] = viewport.convertToViewportRectangle(a.rect) as [number, number, number, number];
    const box: Box = { left: Math.min(x1, x2), top: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) };
    const list = widgets.get(a.fieldName) ?? [];
    list.push(box);
    widgets.set(a.fieldName, list);
  }
  page.cleanup();
  return { canvas, width: viewport.width, height: viewport.height, widgets };
}
