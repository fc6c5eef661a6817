// A date field written in the sidebar's language. Chromium draws <input type="date"> in the
// browser's own locale (mm/dd/yyyy in a Russian or Chinese sidebar), so the seller types and reads the
// date in a text box in the chosen language's order (20/11/2026, 20.11.2026, 2026/11/20); a narrow
// native date input beside it keeps the calendar. The form reads the day as ISO yyyy-mm-dd.
import { h } from './dom';
import { getLang } from './i18n';
import type { Lang } from '../src/core/i18n/messages';

const LOCALE: Record<Lang, string> = { en: 'en-GB', ru: 'ru-RU', zh: 'zh-CN' };
const PLACEHOLDER: Record<Lang, string> = { en: 'dd/mm/yyyy', ru: 'дд.мм.гггг', zh: '年/月/日' };

/** yyyy-mm-dd in the language's numeric order; '' stays ''; anything else is returned as it is. */
export function formatDay(iso: string, lang: Lang = getLang()): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(LOCALE[lang], {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  }).format(date);
}

/**
 * The ISO day a seller typed: the language's order (day first, or year first in Chinese), any of
 * . / - or spaces between, or ISO itself. Text that is no calendar day comes back unchanged, so the
 * form's schema refuses it with its own localised message.
 */
export function parseDay(text: string, lang: Lang = getLang()): string {
  const trimmed = text.trim();
  const parts = trimmed.match(/\d+/g);
  if (!parts || parts.length !== 3 || /[^\d\s./\-年月日]/.test(trimmed)) return trimmed;
  const yearFirst = parts[0].length === 4 || (lang === 'zh' && parts[2].length !== 4);
  const [y, mo, d] = yearFirst ? parts : [parts[2], parts[1], parts[0]];
  if (y.length !== 4) return trimmed;
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isFinite(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : trimmed;
}

export interface DateInput {
  /** The text box (carries the id a label points at). */
  input: HTMLInputElement;
  /** The text box and the calendar button, to put in the form. */
  element: HTMLElement;
  /** The day as yyyy-mm-dd, or the typed text when it is no day. */
  value(): string;
  set(iso: string): void;
}

export function dateInput(id: string, attrs: Record<string, string> = {}, min = ''): DateInput {
  const lang = getLang();
  const input = h('input', {
    id,
    class: 'date-text',
    attrs: {
      type: 'text',
      inputmode: 'numeric',
      autocomplete: 'off',
      placeholder: PLACEHOLDER[lang],
      ...attrs,
    },
  });
  const picker = h('input', {
    class: 'date-picker',
    attrs: { type: 'date', tabindex: '-1', 'aria-hidden': 'true', ...(min ? { min } : {}) },
  });
  picker.addEventListener('change', () => {
    input.value = formatDay(picker.value, lang);
    input.removeAttribute('aria-invalid');
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  input.addEventListener('input', () => {
    const iso = parseDay(input.value, lang);
    picker.value = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : '';
  });
  const set = (iso: string): void => {
    input.value = formatDay(iso, lang);
    picker.value = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : '';
  };
  return {
    input,
    element: h('span', { class: 'date-input' }, input, picker),
    value: () => parseDay(input.value, lang),
    set,
  };
}
