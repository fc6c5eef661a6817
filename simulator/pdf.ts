// A small, valid PDF: one page per label with the posting number and barcode digits (ASCII, Helvetica).

export function labelPdf(labels: { postingNumber: string; barcode: string }[]): Uint8Array {
  const pageIds: number[] = [];
  // 1: catalog, 2: pages, 3: font; then per label a page and its content stream
  let next = 4;
  const bodies: Record<number, string> = {};
  for (const l of labels) {
    const pageId = next++;
    const contentId = next++;
    pageIds.push(pageId);
    const text = (s: string) => s.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1');
    const stream =
      `BT /F1 18 Tf 20 240 Td (${text(l.postingNumber)}) Tj ET\n` +
      `BT /F1 12 Tf 20 200 Td (${text(l.barcode)}) Tj ET\n` +
      `BT /F1 10 Tf 20 20 Td (OZON FBS label - simulator) Tj ET\n`;
    bodies[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 283 340] /Resources << /Font << /F1 3 0 R >> >> ` +
      `/Contents ${contentId} 0 R >>`;
    bodies[contentId] = `<< /Length ${stream.length} >>\nstream\n${stream}endstream`;
  }
  bodies[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  bodies[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  bodies[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < next; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${bodies[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${next}\n0000000000 65535 f \n`;
  for (let id = 1; id < next; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${next} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
