/** Vite's `?url` import: the pdf.js worker is emitted as a same-origin asset and imported as its URL. */
declare module 'pdfjs-dist/build/pdf.worker.min.mjs?url' {
  const url: string;
  export default url;
}
