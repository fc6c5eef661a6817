// Ozon's seller-rating codes and the key's role names in the seller's language. Ozon's own name is the
// fallback for a code or role the add-on has no words for, so nothing Ozon adds later is lost.
import { t, type Lang, type MessageKey } from './messages';
import { RATING_GROUP } from './ratings';

function own(lang: Lang, key: string): string | null {
  const text = t(lang, key as MessageKey);
  return text === key ? null : text;
}

/** A rating's name: the add-on's words for a known code, else the name Ozon sent (else the code). */
export function ratingNameText(lang: Lang, code: string, ozonName = ''): string {
  return own(lang, `rating.name.${code}`) ?? (ozonName || code);
}

/** A rating's group: the add-on's group of a known code, else the group name Ozon sent. */
export function ratingGroupText(lang: Lang, code: string, ozonGroup = ''): string {
  const group = RATING_GROUP[code];
  return (group && own(lang, `rating.group.${group}`)) || ozonGroup;
}

/** A role of the key (/v1/roles `name`): words for a known one, else Ozon's name as sent. */
export function roleText(lang: Lang, name: string): string {
  return own(lang, `role.${name}`) ?? name;
}
