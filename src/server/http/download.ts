// Downloads (PDFs, scans): the content-disposition header.

/** Content-disposition for a download: an ASCII fallback (or `fallback` when nothing is left) plus the UTF-8 name. */
export function attachment(name: string, fallback = 'bestand'): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\w.-]+/g, '_').slice(0, 120) || fallback;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
