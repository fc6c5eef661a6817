// Which Ozon flow hands a delivery method's parcels over (the evidence is in README "Handing over").
//
// - Shipping (`/v1/carriage/create` → `set-postings` → `approve`, added 2026-06-03 and 2025-08-21): the
//   current flow for FBS methods. Ozon's warning on /v1/carriage/create: a seller for whom Ozon offers no
//   recommended shipping time (sellers outside Russia) creates the shipping with /v2/posting/fbs/act/create.
// - Act (`/v2/posting/fbs/act/create` → `check-status`): realFBS methods (its `delivery_method_id` is
//   documented as the rFBS delivery method), and FBS methods without a recommended drop-off time.
// Both give their documents through `/v2/posting/fbs/act/get-pdf`, `get-barcode`, `get-container-labels`;
// the digital act methods were switched off on 2026-03-22 and /v1/posting/carriage-available/list on
// 2026-03-20 (replaced by /v2/carriage/delivery/list, which this add-on reads).

export type HandoverFlow = 'carriage' | 'act';

export interface MethodFacts {
  is_rfbs?: boolean | null;
  recommended_time_local?: string | null;
}

export function handoverFlow(method: MethodFacts): HandoverFlow {
  if (method.is_rfbs) return 'act';
  return (method.recommended_time_local ?? '').trim() ? 'carriage' : 'act';
}
