// What Ozon needs before a posting may be packed, read from its `requirements` and `available_actions`.
import { t, type Lang, type MessageKey } from '../i18n/messages';

export type NeedKind = 'cutoff' | 'country' | 'mark' | 'gtd' | 'rnpt' | 'jw_uin' | 'imei' | 'weight';

export interface PostingNeed {
  kind: NeedKind;
  /** SKUs concerned (none for the ship date). */
  skus: string[];
}

const REQUIREMENTS: [string, NeedKind][] = [
  ['products_requiring_country', 'country'],
  ['products_requiring_change_country', 'country'],
  ['products_requiring_mandatory_mark', 'mark'],
  ['products_requiring_gtd', 'gtd'],
  ['products_requiring_rnpt', 'rnpt'],
  ['products_requiring_jw_uin', 'jw_uin'],
  ['products_requiring_imei', 'imei'],
  ['products_requiring_weight', 'weight'],
];

const PRE_PACK = new Set(['awaiting_packaging', 'awaiting_approve', 'awaiting_verification']);

/** Needs of an open posting (none once it is packed or closed). */
export function postingNeeds(p: {
  status: string;
  available_actions?: readonly string[] | null;
  requirements?: unknown;
}): PostingNeed[] {
  if (!PRE_PACK.has(p.status)) return [];
  const needs: PostingNeed[] = [];
  if ((p.available_actions ?? []).includes('set_cutoff')) needs.push({ kind: 'cutoff', skus: [] });
  const req = (p.requirements && typeof p.requirements === 'object' ? p.requirements : {}) as Record<
    string,
    unknown
  >;
  for (const [field, kind] of REQUIREMENTS) {
    const list = Array.isArray(req[field]) ? (req[field] as unknown[]) : [];
    const skus = list.map((v) => String(v)).filter((v) => /^\d+$/.test(v));
    if (!skus.length) continue;
    const known = needs.find((n) => n.kind === kind);
    if (known) known.skus = [...new Set([...known.skus, ...skus])];
    else needs.push({ kind, skus });
  }
  return needs;
}

/** The Orders "Needs data" cell: what is missing, in the seller's language ('' when nothing). */
export function needsText(lang: Lang, needs: readonly PostingNeed[]): string {
  return needs
    .map((n) => {
      const what = t(lang, `handover.need.${n.kind}` as MessageKey);
      return n.skus.length ? `${what} (SKU ${n.skus.join(', ')})` : what;
    })
    .join('; ');
}

/** Needs the desk can take from the seller (the others are given in Ozon's seller account). */
export const DESK_NEEDS: ReadonlySet<NeedKind> = new Set(['cutoff', 'country', 'mark']);
