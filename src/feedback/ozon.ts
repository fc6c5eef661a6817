// The feedback client as every feedback use-case builds it: the same credentials, transport and
// cabinet check as every Ozon client (app/ozon.ts), bounded by the caller's deadline.
import type { KeyValueStore } from '../adapters/properties';
import { ozonPortsFor } from '../app/ozon';
import { FeedbackApi } from '../ozon/feedback';

export function feedbackApiFor(user: KeyValueStore, deadline: number): FeedbackApi {
  return new FeedbackApi(ozonPortsFor(user, deadline));
}
