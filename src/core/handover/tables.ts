// The Handovers tab: one row per shipping or act, with links to its documents in the seller’s Drive folder.
import type { TableSpec } from '../table/spec';

export const HANDOVERS_TAB = 'Handovers';

export const handoversSpec: TableSpec = {
  tab: HANDOVERS_TAB,
  key: 'id',
  columns: [
    { key: 'id', header: 'Act / shipping', kind: 'id', role: 'sync', width: 110 },
    { key: 'kind', header: 'Kind', kind: 'text', role: 'sync', width: 90 },
    { key: 'delivery_method', header: 'Delivery method', kind: 'text', role: 'sync', width: 200 },
    { key: 'departure_date', header: 'Departure date', kind: 'date', role: 'sync', width: 100 },
    { key: 'postings', header: 'Postings', kind: 'int', role: 'sync', width: 70 },
    { key: 'status', header: 'Status', kind: 'text', role: 'sync', width: 150 },
    { key: 'acceptance', header: 'Acceptance certificate', kind: 'text', role: 'sync', width: 170 },
    { key: 'mismatch', header: 'Mismatch certificate', kind: 'text', role: 'sync', width: 160 },
    { key: 'excess', header: 'Excess certificate', kind: 'text', role: 'sync', width: 150 },
    { key: 'act_pdf', header: 'Act and waybill (PDF)', kind: 'text', role: 'sync', width: 200 },
    { key: 'barcode', header: 'Barcode', kind: 'text', role: 'sync', width: 160 },
    { key: 'container_labels', header: 'Container labels', kind: 'text', role: 'sync', width: 160 },
    { key: 'posting_numbers', header: 'Posting numbers', kind: 'text', role: 'sync', width: 300 },
    { key: 'updated_at', header: 'Updated', kind: 'datetime', role: 'sync', width: 120 },
    { key: 'status_code', header: 'Status code', kind: 'text', role: 'sync', width: 90, hidden: true },
  ],
};

/** A cell holds at most 50,000 characters: a long posting list is cut with a count of the rest. */
export function postingList(numbers: readonly string[], max = 49_000): string {
  const text = numbers.join(', ');
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const shown = cut.slice(0, cut.lastIndexOf(',')).split(', ').length;
  return `${cut.slice(0, cut.lastIndexOf(','))} … (+${numbers.length - shown})`;
}
