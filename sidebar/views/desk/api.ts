// The order desk's server calls: a typed promise wrapper over google.script.run for the desk's own
// functions (argument types from the shared schemas, answer types from src/index.ts).
import type * as Server from '../../../src/index';
import type {
  CancelInput,
  PollInput,
  PostingsInput,
  ProblemInput,
  RfbsStatusInput,
  ShipInput,
  TrackingInput,
  VerifyInput,
} from '../../../src/shared/desk-schema';
import type {
  CancelCarriageInput,
  CountryInput,
  CutoffInput,
  HandoverDayInput,
  HandoverInput,
  MarksInput,
  PostingInput,
} from '../../../src/shared/handover-schema';
import type { ApiResult } from '../../../src/shared/result';
import { runServer } from '../../rpc';

type Data<K extends keyof typeof Server> = (typeof Server)[K] extends (...args: never[]) => ApiResult<infer T>
  ? T
  : never;

export interface DeskApi {
  pollDeskSelection(input: PollInput): Data<'pollDeskSelection'>;
  getDeskOrders(input: PostingsInput): Data<'getDeskOrders'>;
  verifyOrders(input: VerifyInput): Data<'verifyOrders'>;
  flagOrderProblem(input: ProblemInput): Data<'flagOrderProblem'>;
  clearOrderProblem(input: PostingsInput): Data<'clearOrderProblem'>;
  shipOrder(input: ShipInput): Data<'shipOrder'>;
  shipAndLabelOrders(input: PostingsInput): Data<'shipAndLabelOrders'>;
  printLabels(input: PostingsInput): Data<'printLabels'>;
  setTrackingNumbers(input: TrackingInput): Data<'setTrackingNumbers'>;
  moveRfbsOrders(input: RfbsStatusInput): Data<'moveRfbsOrders'>;
  getCancelReasons(): Data<'getCancelReasons'>;
  cancelOrder(input: CancelInput): Data<'cancelOrder'>;
  selectNextUnverified(input: { from: 'sidebar' }): Data<'selectNextUnverified'>;
  buildPickList(input: { from: 'sidebar' }): Data<'buildPickList'>;
  showPackingSlips(input: PostingsInput): Data<'showPackingSlips'>;
  getHandoverDay(input: HandoverDayInput): Data<'getHandoverDay'>;
  handOverParcels(input: HandoverInput): Data<'handOverParcels'>;
  refreshHandovers(input: { from: 'sidebar'; date?: string }): Data<'refreshHandovers'>;
  cancelCarriage(input: CancelCarriageInput): Data<'cancelCarriage'>;
  getPackRequirements(input: PostingInput): Data<'getPackRequirements'>;
  setShipDate(input: CutoffInput): Data<'setShipDate'>;
  setProductCountries(input: CountryInput): Data<'setProductCountries'>;
  setMarkingCodes(input: MarksInput): Data<'setMarkingCodes'>;
}

export function deskCall<K extends keyof DeskApi>(
  name: K,
  ...args: Parameters<DeskApi[K]>
): Promise<ReturnType<DeskApi[K]>> {
  return runServer(name, args);
}
