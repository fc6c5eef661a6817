// Order desk use-cases: show the selected orders, verify them or flag a problem, pack and ship them
// (one or several packages), fetch labels into Drive, report rFBS dispatch, cancel, and build the
// pick list and packing slips. Every Ozon action is confirmed by re-reading the posting, and the
// Orders row is updated at once (refresh → showPostings). One file per section.
export type { DeskHost } from './host';
export { deskOrders, pollSelection, selectedPostings, selectNextUnverified } from './selection';
export { clearProblem, flagProblem, verifyOrders } from './verify';
export { printLabels, shipAndLabel, shipOrder } from './shipping';
export { moveRfbs, setTracking } from './rfbs';
export { cancelOrder, cancelReasons } from './cancel';
export { buildPickList, PICK_TAB } from './pick-list';
export { showPackingSlips } from './slips';
