// JSON in and out of Ozon with 64-bit ids intact. JSON.parse turns 3000000000817031942 into
// 3000000000817031900; these named fields are rewritten to strings in the raw text before parsing,
// and written back as bare numbers when the client sends them.
export const BIG_ID_FIELDS = ['message_id', 'first_unread_message_id', 'last_message_id', 'from_message_id'];

function fieldPattern(fields: readonly string[]): RegExp {
  // A key is a quote not preceded by a backslash, the name, a quote, a colon; the value a bare integer.
  return new RegExp(`((?:^|[^\\\\])"(?:${fields.join('|')})"\\s*:\\s*)(-?\\d+)(?=\\s*[,}\\]])`, 'g');
}

const defaultPattern = fieldPattern(BIG_ID_FIELDS);

/** Parses JSON, keeping the named integer fields as exact decimal strings. Throws SyntaxError. */
export function parseJsonKeepingIds(text: string, fields: readonly string[] = BIG_ID_FIELDS): unknown {
  const pattern = fields === BIG_ID_FIELDS ? defaultPattern : fieldPattern(fields);
  pattern.lastIndex = 0;
  const quoted = text.replace(pattern, (_all, key: string, digits: string) => `${key}"${digits}"`);
  return JSON.parse(quoted);
}

/** JSON.stringify, but named fields holding digit strings are written as bare integers. */
export function stringifyWithIds(value: unknown, fields: readonly string[] = BIG_ID_FIELDS): string {
  const text = JSON.stringify(value);
  const pattern = new RegExp(`("(?:${fields.join('|')})":)"(-?\\d+)"`, 'g');
  return text.replace(pattern, '$1$2');
}
