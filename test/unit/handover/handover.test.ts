// Pure handover logic: which flow a delivery method takes, what a posting needs before packing and how
// the Orders cell says it, the desk's rules for such postings, the Handovers posting list and the inputs.
import { assertShippable, allowedActions, type PostingFacts } from '../../../src/core/desk/rules';
import { AppError } from '../../../src/core/errors';
import { handoverFlow } from '../../../src/core/handover/flow';
import { needsText, postingNeeds } from '../../../src/core/handover/needs';
import { postingList } from '../../../src/core/handover/tables';
import { t } from '../../../src/core/i18n/messages';
import {
  CancelCarriageInput,
  CutoffInput,
  HandoverInput,
  MarksInput,
} from '../../../src/shared/handover-schema';

describe('handover flow', () => {
  it('FBS methods with a recommended drop-off time use the shipping; rFBS and the others the act', () => {
    expect(handoverFlow({ is_rfbs: false, recommended_time_local: '14:00' })).toBe('carriage');
    expect(handoverFlow({ is_rfbs: false, recommended_time_local: '' })).toBe('act');
    expect(handoverFlow({ is_rfbs: false, recommended_time_local: null })).toBe('act');
    expect(handoverFlow({ is_rfbs: true, recommended_time_local: '14:00' })).toBe('act');
  });
});

describe('what a posting needs before packing', () => {
  const requirements = {
    products_requiring_country: ['1500001'],
    products_requiring_change_country: [],
    products_requiring_mandatory_mark: ['1500001', 1500002],
    products_requiring_gtd: null,
  };

  it('reads requirements (SKUs as strings or numbers) and set_cutoff, only before packing', () => {
    const needs = postingNeeds({
      status: 'awaiting_packaging',
      available_actions: ['set_cutoff', 'ship'],
      requirements,
    });
    expect(needs).toEqual([
      { kind: 'cutoff', skus: [] },
      { kind: 'country', skus: ['1500001'] },
      { kind: 'mark', skus: ['1500001', '1500002'] },
    ]);
    expect(
      postingNeeds({ status: 'awaiting_deliver', available_actions: ['set_cutoff'], requirements }),
    ).toEqual([]);
    expect(postingNeeds({ status: 'awaiting_packaging', requirements: 'junk' })).toEqual([]);
  });

  it('says it in the seller’s language', () => {
    const needs = postingNeeds({ status: 'awaiting_packaging', requirements });
    expect(needsText('ru', needs)).toBe(
      `${t('ru', 'handover.need.country')} (SKU 1500001); ${t('ru', 'handover.need.mark')} (SKU 1500001, 1500002)`,
    );
    expect(needsText('en', [])).toBe('');
  });

  const facts: PostingFacts = {
    posting: '1-1-1',
    orderNumber: '1-1',
    schema: 'FBS',
    status: 'awaiting_packaging',
    substatus: '',
    lines: [{ sku: '1', offerId: 'A', quantity: 1 }],
    items: 1,
    total: 10,
    currency: 'RUB',
    buyer: '',
    address: '',
    verified: true,
    verifiedDigest: '',
    problem: '',
    needsData: 'country of manufacture (SKU 1)',
  };

  it('the desk offers the data form instead of shipping, and ship refuses saying why', () => {
    expect(allowedActions(facts)).toContain('packData');
    expect(allowedActions(facts)).not.toContain('ship');
    let error: unknown;
    try {
      assertShippable(facts, 'x');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).params).toEqual({ posting: '1-1-1', needs: facts.needsData });
    expect(allowedActions({ ...facts, needsData: '' })).toContain('ship');
  });
});

describe('Handovers cells and inputs', () => {
  it('a long posting list stays under a cell’s 50,000 characters and says how many are left out', () => {
    const numbers = Array.from({ length: 5000 }, (_, i) => `12345678-${String(i).padStart(4, '0')}-1`);
    const cell = postingList(numbers);
    expect(cell.length).toBeLessThan(50_000);
    const shown = cell.split(' … ')[0].split(', ').length;
    expect(cell).toMatch(new RegExp(`\\(\\+${5000 - shown}\\)$`));
    expect(postingList(['1-1-1', '2-2-2'])).toBe('1-1-1, 2-2-2');
  });

  it('inputs: dates, confirmation of a delete, codes', () => {
    expect(HandoverInput.parse(undefined)).toEqual({});
    expect(HandoverInput.parse({ date: '2026-11-20', deliveryMethodId: '17' })).toMatchObject({
      date: '2026-11-20',
      deliveryMethodId: 17,
    });
    expect(HandoverInput.safeParse({ date: '20.11.2026' }).error?.issues[0].message).toBe(
      'error.handover.date',
    );
    expect(CancelCarriageInput.safeParse({ id: 5 }).error?.issues[0].message).toBe('error.confirm.required');
    expect(CancelCarriageInput.parse({ id: 5, confirmed: true })).toEqual({ id: 5, confirmed: true });
    expect(CutoffInput.safeParse({ posting: '1-1-1', date: '' }).success).toBe(false);
    expect(MarksInput.safeParse({ posting: '1-1-1', items: [] }).error?.issues[0].message).toBe(
      'error.handover.mark.none',
    );
  });
});
