import { parseJsonKeepingIds, stringifyWithIds } from '../../../src/ozon/json';

describe('big ids', () => {
  const raw =
    '{"messages":[{"message_id": 12345678901234567890,"data":["\\"message_id\\": 5"]},{"message_id":3000000000817031942}],' +
    '"last_message_id":30000000001280042740,"count":12345678901234567890}';

  it('keeps 20-digit message ids exact as strings', () => {
    const parsed = parseJsonKeepingIds(raw) as {
      messages: { message_id: string; data: string[] }[];
      last_message_id: string;
      count: number;
    };
    expect(parsed.messages[0].message_id).toBe('12345678901234567890');
    expect(parsed.messages[1].message_id).toBe('3000000000817031942');
    expect(parsed.last_message_id).toBe('30000000001280042740');
    // Text inside strings is untouched; unnamed fields parse as ordinary numbers.
    expect(parsed.messages[0].data[0]).toBe('"message_id": 5');
    expect(typeof parsed.count).toBe('number');
    expect(JSON.parse(raw).messages[0].message_id).not.toBe(12345678901234567890n.toString());
  });

  it('writes such ids back as bare integers', () => {
    const text = stringifyWithIds({ chat_id: 'x', from_message_id: '12345678901234567890', note: '7' });
    expect(text).toBe('{"chat_id":"x","from_message_id":12345678901234567890,"note":"7"}');
  });

  it('still rejects malformed JSON', () => {
    expect(() => parseJsonKeepingIds('{"postings": [')).toThrow(SyntaxError);
  });
});
