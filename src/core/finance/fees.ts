// Ozon's accrual types (about 120 of them, from /v1/finance/accrual/types) sorted into the fee groups
// a seller reads a P&L by. The dictionary's names are matched by meaning (Russian and English), so a
// type Ozon adds later still lands in the right group; a type that matches nothing, or an id that is
// missing from the dictionary, is kept with its raw id and name and counted under "other".

export const FEE_GROUPS = [
  'sale',
  'commission',
  'logistics',
  'last_mile',
  'acquiring',
  'returns',
  'storage',
  'ads',
  'services',
  'other',
] as const;

export type FeeGroup = (typeof FEE_GROUPS)[number];

/** Every group but the sale: what Ozon charges (or refunds). */
export const CHARGE_GROUPS: readonly FeeGroup[] = FEE_GROUPS.filter((g) => g !== 'sale');

export interface AccrualType {
  id: string;
  name: string;
  description: string;
}

// Order matters: the first rule whose pattern matches the type's name (then its description) wins.
const RULES: readonly [FeeGroup, RegExp][] = [
  // A return that reverses the sale itself is negative revenue, not a fee.
  [
    'sale',
    /(sale|revenue|выручк|продаж).{0,40}(revers|return|возврат|отмен)|(revers|возврат|отмен).{0,40}(sale|revenue|выручк|продаж)/i,
  ],
  ['ads', /реклам|продвижен|трафарет|advert|promotion|\bads?\b|cpc|cpo/i],
  ['storage', /хранени|размещени|storage|warehous/i],
  ['acquiring', /эквайр|acquiring/i],
  ['last_mile', /последн\S* мил|last[\s-]?mile/i],
  ['commission', /комисси|вознагражден|commission|referral fee/i],
  ['returns', /возврат|обратн|невыкуп|return|non-?pickup|refusal/i],
  [
    'logistics',
    /логисти|доставк|магистрал|обработк|сборк|logistic|delivery|shipping|freight|fulfil|processing/i,
  ],
  ['sale', /выручк|продаж|реализац|\bsale|revenue|payment for goods/i],
  ['services', /услуг|подписк|штраф|service|subscription|fine|penalt|premium/i],
];

export function groupOf(type: Pick<AccrualType, 'name' | 'description'> | undefined): FeeGroup {
  if (!type) return 'other';
  for (const text of [type.name, type.description]) {
    if (!text) continue;
    for (const [group, pattern] of RULES) if (pattern.test(text)) return group;
  }
  return 'other';
}

export interface TypeBook {
  /** The dictionary entry, or a stand-in that keeps the raw id and name. */
  type(id: string, rawName?: string): AccrualType & { group: FeeGroup; known: boolean };
}

export function typeBook(types: readonly AccrualType[]): TypeBook {
  const byId = new Map(types.map((t) => [t.id, { ...t, group: groupOf(t), known: true }]));
  return {
    type(id, rawName = '') {
      return byId.get(id) ?? { id, name: rawName, description: '', group: 'other', known: false };
    },
  };
}

/** Amounts per fee group in minor units; absent groups are zero. */
export type GroupTotals = Partial<Record<FeeGroup, number>>;

export function addTo(totals: GroupTotals, group: FeeGroup, minor: number): void {
  totals[group] = (totals[group] ?? 0) + minor;
}

export function sumGroups(totals: GroupTotals, groups: readonly FeeGroup[] = FEE_GROUPS): number {
  return groups.reduce((sum, g) => sum + (totals[g] ?? 0), 0);
}
