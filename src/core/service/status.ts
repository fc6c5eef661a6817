// A return's status, compensation and rFBS request state in the seller's language, from Ozon's codes.
// A code without words is shown by Ozon's own name (marked as Ozon's), or the code when there is none.
import { t, type Lang, type MessageKey } from '../i18n/messages';
import { COMPENSATION_CODES, RETURN_STATUS_CODES, RFBS_GROUP_CODES, RFBS_STATE_CODES } from '../i18n/returns';

const STATUS = new Set(RETURN_STATUS_CODES);
const COMPENSATION = new Set(COMPENSATION_CODES);
const GROUP = new Set(RFBS_GROUP_CODES);
const STATE = new Set(RFBS_STATE_CODES);

function ozonsName(lang: Lang, name: string, code: string): string {
  const shown = name || code;
  return shown ? t(lang, 'return.other', { name: shown }) : '';
}

/** A return's status (`visual.status.sys_name`). */
export function returnStatusText(lang: Lang, code: string, ozonName = ''): string {
  return STATUS.has(code) ? t(lang, `return.status.${code}` as MessageKey) : ozonsName(lang, ozonName, code);
}

/** A return's compensation status (`compensation_status.status.sys_name`); '' when there is none. */
export function compensationText(lang: Lang, code: string, ozonName = ''): string {
  if (!code && !ozonName) return '';
  return COMPENSATION.has(code)
    ? t(lang, `return.compensation.${code}` as MessageKey)
    : ozonsName(lang, ozonName, code);
}

/** An rFBS return request's state: by its state code, else by its group, else by Ozon's name. */
export function rfbsStateText(lang: Lang, state: string, group = '', ozonName = ''): string {
  const code = state.toUpperCase();
  if (STATE.has(code)) return t(lang, `return.rfbsState.${code}` as MessageKey);
  if (GROUP.has(group)) return t(lang, `return.rfbsGroup.${group}` as MessageKey);
  return ozonsName(lang, ozonName, state);
}

/**
 * The words of a Returns row's Status code (either kind of return), or null when the code has no
 * words of its own (then the cell keeps what the sync wrote).
 */
export function returnCodeText(lang: Lang, code: string): string | null {
  if (STATUS.has(code)) return returnStatusText(lang, code);
  if (STATE.has(code.toUpperCase())) return rfbsStateText(lang, code);
  return null;
}
