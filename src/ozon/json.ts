// JSON in and out of Ozon with 64-bit ids intact. JSON.parse turns 3000000000817031942 into
// 3000000000817031900; these named fields are rewritten to strings in the raw text before parsing,
// and written back as bare numbers when the client sends them.
export const BIG_ID_FIELDS = ['message_id', 'first_unread_message_id', 'last_message_id', 'from_message_id'];

function fieldPattern(fields: readonly string[]): RegExp {
  // The key, a colon, a bare integer value. Starting with a literal quote keeps the scan fast.
  return new RegExp(`("(?:${fields.join('|')})"\\s*:\\s*)(-?\\d+)(?=\\s*[,}\\]])`, 'g');
}

const defaultPattern = fieldPattern(BIG_ID_FIELDS);

/** Parses JSON, keeping the named integer fields as exact decimal strings. Throws SyntaxError. */
export function parseJsonKeepingIds(text: string, fields: readonly string[] = BIG_ID_FIELDS): unknown {
  // Every default field name ends in message_id: one scan rules most answers out.
  const probe = fields === BIG_ID_FIELDS ? ['message_id"'] : fields.map((f) => `${f}"`);
  if (!probe.some((p) => text.includes(p))) return JSON.parse(text);
  const pattern = fields === BIG_ID_FIELDS ? defaultPattern : fieldPattern(fields);
  pattern.lastIndex = 0;
  const quoted = text.replace(pattern, (all: string, key: string, digits: string, offset: number) =>
    // A quote escaped with a backslash is text inside a string value, not a key.
    offset > 0 && text[offset - 1] === '\\' ? all : `${key}"${digits}"`,
  );
  return JSON.parse(quoted);
}

/** JSON.stringify, but named fields holding digit strings are written as bare integers. */
export function stringifyWithIds(value: unknown, fields: readonly string[] = BIG_ID_FIELDS): string {
  const text = JSON.stringify(value);
  const pattern = new RegExp(`("(?:${fields.join('|')})":)"(-?\\d+)"`, 'g');
  return text.replace(pattern, '$1$2');
}
