// Reading PDFs back in tests: the text of all pages (pdfjs-dist, legacy build for Node) and the page sizes.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;

async function open<T>(buf: Uint8Array | Buffer, use: (doc: PdfDocument) => Promise<T>): Promise<T> {
  // pdfjs takes ownership of (detaches) the array it gets, so hand it a copy.
  const task = getDocument({ data: new Uint8Array(buf), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  try {
    return await use(doc);
  } finally {
    await task.destroy();
  }
}

/** The text of all pages; text items that end a line get a newline, pages are separated by a newline (NFC). */
export async function pdfText(buf: Uint8Array | Buffer): Promise<string> {
  return open(buf, async (doc) => {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      pages.push(text);
      page.cleanup();
    }
    return pages.join('\n').normalize('NFC');
  });
}

/** Width and height (pt) of every page as displayed (rotation applied). */
export async function pdfPageSizes(buf: Uint8Array | Buffer): Promise<{ width: number; height: number }[]> {
  return open(buf, async (doc) => {
    const sizes: { width: number; height: number }[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      sizes.push({ width: viewport.width, height: viewport.height });
      page.cleanup();
    }
    return sizes;
  });
}
