// Point 10: cancelling a posting, deciding a cancellation request and acting on an rFBS return are
// final at Ozon: the server refuses each call that does not carry `confirmed: true`, in the seller's
// language, without calling Ozon's action method — whoever makes the call.
import { t, type Lang } from '../../../src/core/i18n/messages';
import { demoShop, type DemoShop } from '../../support/shop';

jest.setTimeout(60_000);

type Result = { ok: boolean; error?: { code: string; message: string; field?: string } };

const ACTIONS = [
  '/v2/posting/fbs/cancel',
  '/v2/conditional-cancellation/approve',
  '/v1/returns/rfbs/action/set',
];

function actionCalls(shop: DemoShop): number {
  return ACTIONS.reduce((sum, path) => sum + (shop.sim.stats.byPath[path] ?? 0), 0);
}

describe('no server-side confirmation', () => {
  test.each<Lang>(['en', 'ru', 'zh'])(
    'destructive calls without confirmed: true are refused (%s)',
    (lang) => {
      const shop = demoShop({ postings: 400, days: 20 });
      shop.rt.properties.user.set('ODESK_LANGUAGE', lang);
      shop.rt.run('syncOrders');
      shop.rt.run('syncService');
      const posting = [...shop.sim.state.postings.values()].find(
        (p) => p.scheme === 'fbs' && p.status === 'awaiting_packaging',
      );
      const request = shop.sim.state.conditionalCancellations.find((c) => c.state === 'ON_APPROVAL');
      const rfbs = shop.sim.state.rfbsReturns.find((r) => r.state === 'NEW');
      if (!posting || !request || !rfbs) throw new Error('the demo shop lacks a posting, request or return');
      shop.sim.resetStats();

      const calls: [string, Record<string, unknown>][] = [
        ['cancelOrder', { posting: posting.postingNumber, reasonId: 352, message: '' }],
        ['decideCancellation', { cancellationId: request.id, decision: 'approve' }],
        ['rfbsReturnAction', { returnId: rfbs.returnId, actionId: 1 }],
      ];
      for (const [name, input] of calls) {
        for (const confirmed of [undefined, false, 'true', 1]) {
          const answer = shop.rt.run<Result>(name, [
            { ...input, ...(confirmed === undefined ? {} : { confirmed }) },
          ]);
          expect([name, confirmed, answer.ok, answer.error]).toEqual([
            name,
            confirmed,
            false,
            { code: 'input', field: 'confirmed', message: t(lang, 'error.confirm.required') },
          ]);
        }
      }
      expect(actionCalls(shop)).toBe(0);
      expect(posting.status).toBe('awaiting_packaging');
      expect(request.state).toBe('ON_APPROVAL');
      expect(rfbs.state).toBe('NEW');

      // With the confirmation each goes through.
      for (const [name, input] of calls) {
        const answer = shop.rt.run<Result>(name, [{ ...input, confirmed: true }]);
        expect([name, answer.ok, answer.error]).toEqual([name, true, undefined]);
      }
      expect(request.state).toBe('APPROVED');
      expect(rfbs.state).toBe('APPROVED');
    },
  );
});
