// The one pdfmake set-up of the server (decision 013): the Roboto fonts of the pdfmake package, no URL access, local
// access to the font folder only. pdfmake is one process-wide object, so every PDF renders through here.
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

const requireFromHere = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(requireFromHere.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
let configured = false;

function configurePdfmake(): void {
  if (configured) return;
  pdfmake.setFonts({
    Roboto: {
      normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
      bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
      italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
      bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(FONT_DIR + path.sep));
  configured = true;
}

/** Renders a document definition to PDF bytes. */
export async function renderPdf(def: TDocumentDefinitions): Promise<Buffer> {
  configurePdfmake();
  return Buffer.from(await pdfmake.createPdf(def).getBuffer());
}
