// Every code of each Ozon enum the add-on shows has words in all three languages. The codes are read
// from Ozon's own spec (its field descriptions list them), so a code Ozon documents and the add-on has
// no words for fails here, not in front of a seller.
import spec from '../../../simulator/spec/seller-api.openapi.json';
import { directionText, errorTypeText, ratingStatusText } from '../../../src/core/feedback/tables';
import { handoverDocText, handoverStatusText } from '../../../src/core/handover/status';
import { CANCEL_INITIATOR_CODES } from '../../../src/core/i18n/cancel-reasons';
import { LANGS, type Lang } from '../../../src/core/i18n/messages';
import { ratingGroupText, ratingNameText } from '../../../src/core/i18n/ozon-names';
import { RFBS_STATE_CODES } from '../../../src/core/i18n/returns';
import { statusText, substatusText } from '../../../src/core/orders/tables';
import { compensationText, returnStatusText, rfbsStateText } from '../../../src/core/service/status';
import {
  cancellationStateText,
  chatStatusText,
  initiatorText,
  returnTypeText,
  senderText,
} from '../../../src/core/service/tables';

type Schemas = Record<string, { properties?: Record<string, { description?: string; enum?: string[] }> }>;
const schemas = (spec as unknown as { components: { schemas: Schemas } }).components.schemas;

/** The `code`s a schema property's description lists (Ozon writes them in backticks). */
function listed(schema: string, property: string, path: string[] = []): string[] {
  let node: unknown = schemas[schema];
  for (const step of [...path, property]) node = (node as Schemas[string]).properties?.[step];
  const field = node as { description?: string; enum?: string[] } | undefined;
  if (!field) throw new Error(`${schema}.${property} is not in Ozon's spec`);
  if (field.enum) return field.enum;
  const codes = [...String(field.description).matchAll(/`([A-Za-z_]+)`/g)].map((m) => m[1]);
  if (!codes.length) throw new Error(`${schema}.${property} lists no codes`);
  return [...new Set(codes)];
}

interface Enum {
  name: string;
  codes: string[];
  words: (lang: Lang, code: string) => string;
}

const ENUMS: Enum[] = [
  {
    name: 'FBS posting status',
    codes: listed('posting.v4.PostingFbsListResponse.Postings', 'status'),
    words: statusText,
  },
  {
    name: 'FBO posting status',
    codes: listed('posting.v3.PostingFboListResponse.Postings', 'status'),
    words: statusText,
  },
  {
    name: 'FBS posting substatus',
    codes: listed('posting.v4.PostingFbsListResponse.Postings', 'substatus'),
    words: substatusText,
  },
  {
    name: 'FBO posting substatus',
    codes: listed('posting.v3.PostingFboListResponse.Postings', 'substatus'),
    words: substatusText,
  },
  {
    name: 'shipping / act status',
    codes: listed('v2PostingFBSActListFilter', 'status'),
    words: handoverStatusText,
  },
  {
    name: 'acceptance certificate status',
    codes: listed('v2PostingFBSActListRelatedDocs', 'document_status', ['act_of_acceptance']),
    words: handoverDocText,
  },
  {
    name: 'mismatch certificate status',
    codes: listed('v2PostingFBSActListRelatedDocs', 'document_status', ['act_of_mismatch']),
    words: handoverDocText,
  },
  {
    name: 'excess certificate status',
    codes: listed('v2PostingFBSActListRelatedDocs', 'document_status', ['act_of_excess']),
    words: handoverDocText,
  },
  {
    name: 'return status',
    codes: listed('GetReturnsListRequestFilter', 'visual_status_name'),
    words: returnStatusText,
  },
  {
    name: 'return compensation status',
    codes: listed('GetReturnsListResponseCompensationStatus', 'sys_name'),
    words: compensationText,
  },
  { name: 'return type', codes: listed('GetReturnsListResponseReturnsItem', 'type'), words: returnTypeText },
  {
    name: 'rFBS request group',
    codes: listed('v2ReturnsRfbsFilter', 'group_state').filter((c) => c !== 'All'),
    words: (lang, group) => rfbsStateText(lang, '', group),
  },
  // Ozon lists no rFBS state codes: the ones the add-on has words for must have them everywhere.
  { name: 'rFBS request state', codes: RFBS_STATE_CODES, words: (lang, state) => rfbsStateText(lang, state) },
  {
    name: 'cancellation request state',
    codes: listed('GetConditionalCancellationListV2RequestFilters', 'state').filter((c) => c !== 'ALL'),
    words: cancellationStateText,
  },
  {
    name: 'cancellation initiator',
    codes: [...(schemas.v2CancellationInitiatorEnum as { enum: string[] }).enum, 'Client', 'Customer'],
    words: initiatorText,
  },
  {
    name: 'chat status',
    codes: listed('ChatInfo', 'chat_status').filter((c) => c !== 'All'),
    words: chatStatusText,
  },
  { name: 'chat participant', codes: listed('v3User', 'type'), words: senderText },
  // /v1/rating/summary sends these codes in `rating`; /v1/rating/history's filter lists them.
  {
    name: 'seller rating',
    codes: listed('v1RatingHistoryV1Request', 'ratings'),
    words: (lang, code) => ratingNameText(lang, code, code),
  },
  {
    name: 'seller rating group',
    codes: listed('v1RatingHistoryV1Request', 'ratings'),
    words: (lang, code) => ratingGroupText(lang, code, code),
  },
  { name: 'seller rating status', codes: listed('v1RatingItem', 'status'), words: ratingStatusText },
  {
    name: 'seller rating direction',
    codes: listed('v1RatingItem', 'rating_direction'),
    words: directionText,
  },
  {
    name: 'FBS error type',
    codes: (schemas.PostingErrorTypeEnum as { enum: string[] }).enum,
    words: errorTypeText,
  },
];

const UNKNOWN = 'NoSuchOzonCode';

describe.each(ENUMS.map((e) => [e.name, e] as const))('%s', (_name, e) => {
  test('the spec lists codes', () => {
    expect(e.codes.length).toBeGreaterThan(1);
  });
  test.each(LANGS.map((l) => [l]))('every code has its own words in %s', (lang) => {
    const fallback = (l: Lang, code: string) => e.words(l, UNKNOWN).split(UNKNOWN).join(code);
    const own = (l: Lang, code: string) => {
      const text = e.words(l, code);
      return Boolean(text) && text !== fallback(l, code) && (l === 'en' || text !== code);
    };
    // An English word may be the code itself ('Closed', 'sent') where an unknown code is shown as it
    // is: the code has words when Russian has them.
    const missing = e.codes.filter(
      (code) => !own(lang, code) && !(lang === 'en' && fallback(lang, code) === code && own('ru', code)),
    );
    expect(missing).toEqual([]);
    // In the language's script (Ozon's name aside).
    const script = lang === 'ru' ? /[\u0400-\u04ff]/ : lang === 'zh' ? /[\u3400-\u9fff]/ : /[A-Za-z]/;
    const foreign = e.codes.filter((code) => !script.test(e.words(lang, code).replace(/Ozon/g, '')));
    expect(foreign.filter((code) => e.words(lang, code) !== 'Ozon')).toEqual([]);
  });
});

test('CLIENT, Client and Customer are all the buyer', () => {
  for (const lang of LANGS) {
    expect(initiatorText(lang, 'Client')).toBe(initiatorText(lang, 'CLIENT'));
    expect(initiatorText(lang, 'Customer')).toBe(initiatorText(lang, 'CLIENT'));
  }
  expect(CANCEL_INITIATOR_CODES).toEqual(['SELLER', 'CLIENT', 'OZON', 'SYSTEM', 'DELIVERY']);
});
