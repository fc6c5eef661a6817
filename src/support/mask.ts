// Masks what a support report must never carry: the API key and Client-Id (whole or in part, as
// src/ozon/errors.ts masks them), e-mails, phones, postal addresses, and every personal value the
// add-on knows from the sheet (buyers' names, phones and addresses), wherever in a text they appear.
import { maskSecrets } from '../ozon/errors';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** International numbers (+7 903 123-45-67, +86 138 0013 8000) and bare Russian or Chinese mobiles. */
const PHONES = [
  /\+\d{1,3}[\s(.-]*\d{2,4}[\s).-]*\d{2,4}[\s.-]*\d{2,4}(?:[\s.-]*\d{2,4})?/g,
  /(?<![\p{N}-])(?:8|7)?[\s(-]*9\d{2}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?![\p{N}-])/gu,
  /(?<![\p{N}-])1[3-9]\d{9}(?![\p{N}-])/gu,
];
/**
 * A postal address starts at a postcode or a street-type word (Russian, English, Chinese) and runs
 * to the end of its clause.
 */
const ADDRESS =
  /(?:(?<![\p{N}-])\d{6},|(?<![\p{L}])(?:г\.|город|ул\.|улица|просп\.|проспект|пр-т|пер\.|переулок|шоссе|бульвар|б-р|наб\.|набережная|пл\.|площадь|мкр\.?|д\.|дом|кв\.|корп\.|стр\.|street|st\.|road|rd\.|avenue|ave\.|apt\.?)(?![\p{L}])|[\p{Script=Han}]{1,8}(?:省|市|区|县|路|街|号|室))[^;\n|"]{0,100}/giu;

export const MASK = {
  secret: '***',
  email: '[e-mail]',
  phone: '[phone]',
  address: '[address]',
  personal: '[personal]',
} as const;

export interface Masker {
  (text: string): string;
}

/**
 * A masker for `secrets` (the key, the Client-Id) and `personal` values (names, phones, addresses
 * read from the seller's tabs; values shorter than 4 characters are too common to mask).
 */
export function masker(secrets: readonly string[], personal: Iterable<string> = []): Masker {
  const known = [...new Set([...personal].map((p) => p.trim()).filter((p) => p.length >= 4))].sort(
    (a, b) => b.length - a.length,
  );
  return (text: string): string => {
    let out = maskSecrets(text, secrets);
    for (const secret of secrets) if (secret) out = out.split(secret).join(MASK.secret);
    for (const value of known) out = out.split(value).join(MASK.personal);
    out = out.replace(EMAIL, MASK.email);
    for (const phone of PHONES) out = out.replace(phone, MASK.phone);
    return out.replace(ADDRESS, MASK.address);
  };
}

/** Masks every string in a JSON-like value (keys are the add-on's own and stay). */
export function maskDeep<T>(value: T, mask: Masker): T {
  if (typeof value === 'string') return mask(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, mask)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, mask)])) as T;
  return value;
}
