// The seller's workflow columns and the sidebar inputs: choices read back in any language, dates,
// and the zod rules the server applies to every call.
import { LANGS } from '../../../src/core/i18n/messages';
import {
  choiceText,
  dateToSerial,
  OUTCOMES,
  parseChoice,
  QUALITIES,
  serialToDate,
} from '../../../src/core/service/workflow';
import { cancellationRow, chatRow, clip, orderOfPosting, returnRow } from '../../../src/core/service/tables';
import { fixedOffset } from '../../../src/core/time/serial';
import {
  DecideCancellationInput,
  RfbsActionInput,
  SaveReturnInput,
  SendMessageInput,
} from '../../../src/shared/service-schema';

const ctx = { lang: 'en' as const, offset: fixedOffset(180) };

test('a choice written in one language is read back in every other', () => {
  for (const lang of LANGS) {
    for (const code of QUALITIES)
      expect(parseChoice('quality', QUALITIES, choiceText(lang, 'quality', code))).toBe(code);
    for (const code of OUTCOMES)
      expect(parseChoice('outcome', OUTCOMES, ` ${choiceText(lang, 'outcome', code).toUpperCase()} `)).toBe(
        code,
      );
  }
  expect(parseChoice('quality', QUALITIES, 'broken-ish')).toBeNull();
  expect(parseChoice('quality', QUALITIES, '')).toBeNull();
});

test('received dates are calendar days, whatever the zone', () => {
  expect(dateToSerial('1899-12-30')).toBe(0);
  expect(dateToSerial('2026-11-19')).toBe(46345);
  expect(serialToDate(46345.99)).toBe('2026-11-19');
});

test('rows keep buyer text literal and ids as text', () => {
  const row = returnRow(
    {
      id: 12,
      postingNumber: '0012-1',
      orderNumber: '0012',
      type: 'ClientReturn',
      schema: 'FBS',
      reason: '=1+1',
      offerId: '000123',
      sku: 99,
      name: 'Чехол',
      quantity: 2,
      price: 10.5,
      currency: 'RUB',
      statusName: 'В пути',
      statusCode: 'MovingToSeller',
      statusChangedAt: '2026-11-19T21:00:00Z',
      returnedAt: '',
      arrivedAt: '',
      place: 'Склад',
      barcode: 'ii0001',
      compensation: '',
      compensationCode: '',
    },
    ctx,
  );
  expect(row).toMatchObject({
    row_key: 'R12',
    return_id: '12',
    reason: '=1+1',
    offer_id: '000123',
    sku: '99',
    type: 'Client return',
    status: 'On the way to you',
    status_code: 'MovingToSeller',
  });
  expect(row.status_changed).toBe(dateToSerial('2026-11-20'));
  expect(row).not.toHaveProperty('note');
  expect(clip('x'.repeat(2000)).length).toBe(1000);
  expect(orderOfPosting('0208245774-0029-1')).toBe('0208245774-0029');
});

test('a chat whose last message was not read keeps the sheet’s last-message cells', () => {
  const row = chatRow(
    { chatId: 'c1', status: 'OPENED', type: 'BUYER_SELLER', unread: 2, lastMessageId: '3000000000817031942' },
    ctx,
    () => 'p',
  );
  expect(row).not.toHaveProperty('last_text');
  expect(row.last_message_id).toBe('3000000000817031942');
  const answered = cancellationRow(
    {
      id: 5,
      postingNumber: 'p',
      state: 'APPROVED',
      initiator: 'CLIENT',
      reason: 'r',
      message: '',
      requestedAt: '',
      deadline: '2026-11-21T00:00:00Z',
      decidedAt: '',
      comment: '',
    },
    ctx,
  );
  expect(answered.deadline).toBeNull();
});

test('sidebar inputs: what the server refuses, and with which message and field', () => {
  const issue = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
    r.success ? null : { message: r.error?.issues[0].message, path: r.error?.issues[0].path.join('.') };
  expect(issue(SaveReturnInput.safeParse({ rowKey: 'R1', received: '2026-02-30' }))).toEqual({
    message: 'error.service.date',
    path: 'received',
  });
  expect(issue(SaveReturnInput.safeParse({ rowKey: '=A1' }))).toEqual({
    message: 'error.service.returnId',
    path: 'rowKey',
  });
  expect(issue(SaveReturnInput.safeParse({ rowKey: 'RFBS12', quality: 'resellable', note: '' }))).toBeNull();
  expect(issue(RfbsActionInput.safeParse({ returnId: 1, actionId: 1 }))).toEqual({
    message: 'error.confirm.required',
    path: 'confirmed',
  });
  expect(
    issue(RfbsActionInput.safeParse({ returnId: 1, actionId: -1, comment: 'x', confirmed: true })),
  ).toEqual({
    message: 'error.service.rejectReason',
    path: 'rejectionReasonId',
  });
  expect(
    issue(RfbsActionInput.safeParse({ returnId: 1, actionId: 1020, compensationAmount: 0, confirmed: true })),
  ).toEqual({
    message: 'error.service.amount',
    path: 'compensationAmount',
  });
  expect(issue(SendMessageInput.safeParse({ chatId: 'abc', text: '   ' }))).toEqual({
    message: 'error.service.text',
    path: 'text',
  });
  expect(issue(SendMessageInput.safeParse({ chatId: 'abc', text: 'x'.repeat(1001) }))).toEqual({
    message: 'error.service.text',
    path: 'text',
  });
  expect(
    issue(
      DecideCancellationInput.safeParse({ cancellationId: '90000001', decision: 'reject', confirmed: true }),
    ),
  ).toEqual({ message: 'error.service.rejectComment', path: 'comment' });
  expect(
    DecideCancellationInput.parse({ cancellationId: '90000001', decision: 'approve', confirmed: true })
      .cancellationId,
  ).toBe(90000001);
});
