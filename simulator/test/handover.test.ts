// Handing over (shippings and acts with their documents) and the data Ozon needs before packing.
// Every request and answer goes through the spec check of ./support.
import type { Posting } from '../model';
import { api, type Api } from './support';

function open(a: Api, pred: (p: Posting) => boolean): Posting {
  for (let i = 0; i < 30; i++) {
    const p = [...a.sim.state.postings.values()].find(
      (x) => x.status === 'awaiting_packaging' && !x.compliance && pred(x),
    );
    if (p) return p;
    a.sim.advance(6);
  }
  throw new Error('no open posting arrived');
}

const fullPackage = (p: Posting) => [
  { products: p.lines.map((l) => ({ product_id: l.sku, quantity: l.quantity })) },
];
const ship = (a: Api, p: Posting) =>
  a.call('/v4/posting/fbs/ship', { posting_number: p.postingNumber, packages: fullPackage(p) });
const warehouse = (a: Api, p: Posting) => a.sim.state.warehouses.find((w) => w.id === p.warehouseId)!;
const today = (a: Api) => new Date(a.sim.now() + 3 * 3_600_000).toISOString().slice(0, 10);

describe('shippings (/v1/carriage/*)', () => {
  const a = api({ seed: 25, postings: 1500 });

  it('lists methods with packed postings, creates, fills, approves a shipping and gives its documents', () => {
    const p = open(a, (x) => x.scheme === 'fbs' && warehouse(a, x).recommendedTime !== '');
    expect(ship(a, p).status).toBe(200);
    const wh = warehouse(a, p);
    const list = a.call('/v2/carriage/delivery/list', { limit: 100, filter: { departure_date: today(a) } });
    const method = list.json.methods.find(
      (m: { delivery_method_id: number }) => m.delivery_method_id === wh.deliveryMethodId,
    );
    expect(method.recommended_time_local).toBe('14:00');
    expect(method.carriages.some((c: { id: number }) => c.id === 0)).toBe(true);

    const created = a.call('/v1/carriage/create', { delivery_method_id: wh.deliveryMethodId });
    expect(created.status).toBe(200);
    const id = created.json.carriage_id;
    // a second one for the same method and day is refused while the first is not approved
    expect(a.call('/v1/carriage/create', { delivery_method_id: wh.deliveryMethodId }).status).toBe(409);
    expect(p.substatus).toBe('posting_in_carriage');
    const inIt = a.call('/v1/assembly/carriage/posting/list', { filter: { carriage_id: id }, limit: 100 });
    expect(inIt.json.postings.map((x: { posting_number: string }) => x.posting_number)).toContain(
      p.postingNumber,
    );
    expect(a.call('/v2/posting/fbs/act/get-pdf', { id }).json.message).toMatch(/CARRIAGE_NOT_APPROVED/);

    const set = a.call('/v1/carriage/set-postings', {
      carriage_id: id,
      posting_numbers: [p.postingNumber, '00000000-0000-1'],
    });
    expect(set.json.result).toEqual([
      { posting_number: p.postingNumber, result: true, error: '' },
      { posting_number: '00000000-0000-1', result: false, error: 'POSTING_NOT_FOUND' },
    ]);
    expect(a.call('/v1/carriage/approve', { carriage_id: id }).status).toBe(200);
    const got = a.call('/v1/carriage/get', { carriage_id: id }).json;
    expect(got.status).toBe('formed');
    expect(got.available_actions).toContain('get_act_of_acceptance');
    const pdf = a.call('/v2/posting/fbs/act/get-pdf', { id });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(pdf.bytes!).toString('latin1')).toContain(p.postingNumber);
    expect(a.call('/v2/posting/fbs/act/get-barcode', { id }).headers['content-type']).toBe('image/png');
    expect(a.call('/v2/posting/fbs/act/get-container-labels', { id }).status).toBe(400);
    const postings = a.call('/v2/posting/fbs/act/get-postings', { id }).json.result;
    expect(postings.map((x: { posting_number: string }) => x.posting_number)).toEqual([p.postingNumber]);
    expect(a.call('/v1/carriage/approve', { carriage_id: id }).status).toBe(400);
  });

  it('cancels a shipping: its postings can be handed over again', () => {
    const p = open(a, (x) => x.scheme === 'fbs' && warehouse(a, x).recommendedTime !== '');
    ship(a, p);
    const id = a.call('/v1/carriage/create', { delivery_method_id: warehouse(a, p).deliveryMethodId }).json
      .carriage_id;
    expect(a.call('/v1/carriage/cancel', { carriage_id: id }).json).toEqual({
      carriage_status: 'cancelled',
      error: '',
    });
    expect(p.substatus).toBe('posting_not_in_carriage');
    expect(a.call('/v1/carriage/get', { carriage_id: 999 }).status).toBe(404);
  });

  it('refuses a departure date in the past, and the shipping flow where Ozon offers no drop-off time', () => {
    const p = open(a, (x) => x.scheme === 'fbs' && warehouse(a, x).recommendedTime !== '');
    ship(a, p);
    const past = new Date(a.sim.now() - 2 * 86_400_000).toISOString();
    const r = a.call('/v1/carriage/create', {
      delivery_method_id: warehouse(a, p).deliveryMethodId,
      departure_date: past,
    });
    expect(r.status).toBe(400);
    expect(r.json.message).toMatch(/INVALID_DEPARTURE_DATE/);
    const rfbs = a.sim.state.warehouses.find((w) => w.isRfbs)!;
    expect(a.call('/v1/carriage/create', { delivery_method_id: rfbs.deliveryMethodId }).json.message).toMatch(
      /act\/create/,
    );
  });
});

describe('acts (/v2/posting/fbs/act/*)', () => {
  const a = api({ seed: 26, postings: 1500 });

  it('creates an act, polls until ready, downloads it; acceptance with a mismatch and an excess', () => {
    const p = open(a, (x) => x.scheme === 'fbs' && warehouse(a, x).recommendedTime === '');
    ship(a, p);
    const wh = warehouse(a, p);
    const created = a.call('/v2/posting/fbs/act/create', { delivery_method_id: wh.deliveryMethodId });
    const id = created.json.result.id;
    expect(a.call('/v2/posting/fbs/act/check-status', { id }).json.result.status).toBe('in_process');
    expect(a.call('/v2/posting/fbs/act/get-pdf', { id }).status).toBe(400);
    a.sim.advance(10 / 3600);
    const status = a.call('/v2/posting/fbs/act/check-status', { id }).json.result;
    expect(status.status).toBe('ready');
    expect(status.added_to_act).toContain(p.postingNumber);
    expect(Buffer.from(a.call('/v2/posting/fbs/act/get-pdf', { id }).bytes!).toString('latin1')).toContain(
      p.postingNumber,
    );
    a.sim.handover.loseAtAcceptance(p.postingNumber);
    a.sim.handover.addExcess(id);
    a.sim.advance(30);
    const day = today(a);
    const from = new Date(a.sim.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const listed = a.call('/v2/posting/fbs/act/list', {
      limit: 50,
      filter: { date_from: from, date_to: day },
    }).json.result;
    const act = listed.find((c: { id: number }) => c.id === id);
    expect(act.status).toBe('received');
    expect(act.related_docs.act_of_acceptance.document_status).toBe('CONFIRMED_WITH_MISMATCH');
    expect(act.related_docs.act_of_mismatch.document_status).toBe('NEED_TO_SIGN');
    expect(act.related_docs.act_of_excess.document_status).toBe('NEED_TO_SIGN');
    expect(p.status).toBe('not_accepted');
    // nothing else packed at that warehouse: no act to create; unknown methods are refused
    expect(a.call('/v2/posting/fbs/act/create', { delivery_method_id: 1 }).status).toBe(400);
  });

  it('the retired digital act methods answer 404', () => {
    expect(a.raw('/v2/posting/fbs/digital/act/get-pdf', '{"id":1}').status).toBe(404);
    expect(a.raw('/v1/posting/carriage-available/list', '{"delivery_method_id":1}').status).toBe(404);
  });
});

describe('data Ozon needs before packing', () => {
  const a = api({ seed: 27, postings: 1500 });
  const GOOD = (k: number) => `0104600000000${String(k).padStart(3, '0')}21ABCdef${k}\u001d91EE10`;

  it('a posting that needs a country and marking codes is refused until both are given', () => {
    const p = open(a, (x) => x.scheme === 'fbs');
    a.sim.handover.requireData(p.postingNumber, { country: true, mark: true });
    const got = a.call('/v3/posting/fbs/get', { posting_number: p.postingNumber }).json.result;
    expect(got.requirements.products_requiring_country).toEqual([String(p.lines[0].sku)]);
    expect(got.requirements.products_requiring_mandatory_mark).toEqual(p.lines.map((l) => String(l.sku)));
    expect(got.available_actions).toContain('ship_with_additional_info');
    const refused = ship(a, p);
    expect(refused.status).toBe(400);
    expect(refused.json.message).toMatch(/ADDITIONAL_INFO_REQUIRED/);

    const countries = a.call('/v2/posting/fbs/product/country/list', { name_search: 'Кит' }).json.result;
    expect(countries).toEqual([{ name: 'Китай', country_iso_code: 'CN' }]);
    expect(
      a.call('/v2/posting/fbs/product/country/set', {
        posting_number: p.postingNumber,
        product_id: p.lines[0].sku,
        country_iso_code: 'XX',
      }).status,
    ).toBe(400);
    a.call('/v2/posting/fbs/product/country/set', {
      posting_number: p.postingNumber,
      product_id: p.lines[0].sku,
      country_iso_code: 'CN',
    });

    const items = a.call('/v6/fbs/posting/product/exemplar/create-or-get', {
      posting_number: p.postingNumber,
    }).json.products;
    let k = 0;
    const products = items.map((it: { product_id: number; exemplars: { exemplar_id: number }[] }) => ({
      product_id: it.product_id,
      exemplars: it.exemplars.map((e) => ({
        exemplar_id: e.exemplar_id,
        marks: [{ mark: k === 0 ? 'bad code' : GOOD(k), mark_type: 'mandatory_mark' }],
        k: k++,
      })),
    }));
    const bad = a.call('/v5/fbs/posting/product/exemplar/validate', {
      posting_number: p.postingNumber,
      products: products.map((x: { product_id: number; exemplars: { marks: unknown }[] }) => ({
        product_id: x.product_id,
        exemplars: x.exemplars.map((e) => ({ marks: e.marks })),
      })),
    }).json.products;
    expect(bad[0].valid).toBe(false);
    expect(bad[0].exemplars[0].marks[0].errors).toEqual(['MARK_HAS_INVALID_SYMBOLS']);

    products[0].exemplars[0].marks[0].mark = GOOD(99);
    for (const x of products) for (const e of x.exemplars) delete e.k;
    expect(
      a.call('/v6/fbs/posting/product/exemplar/set', { posting_number: p.postingNumber, products }).status,
    ).toBe(200);
    expect(
      a.call('/v5/fbs/posting/product/exemplar/status', { posting_number: p.postingNumber }).json.status,
    ).toBe('validation_in_process');
    a.sim.advance(5 / 3600);
    expect(
      a.call('/v5/fbs/posting/product/exemplar/status', { posting_number: p.postingNumber }).json.status,
    ).toBe('ship_available');
    expect(ship(a, p).status).toBe(200);
    expect(p.status).toBe('awaiting_deliver');
  });

  it('a code Chestny ZNAK blocks at packing leaves the posting ship_failed', () => {
    const p = open(a, (x) => x.scheme === 'fbs' && x.lines.length === 1 && x.lines[0].quantity === 1);
    a.sim.handover.requireData(p.postingNumber, { mark: true });
    const [item] = a.call('/v6/fbs/posting/product/exemplar/create-or-get', {
      posting_number: p.postingNumber,
    }).json.products;
    a.sim.handover.blockMark(GOOD(7));
    a.call('/v6/fbs/posting/product/exemplar/set', {
      posting_number: p.postingNumber,
      products: [
        {
          product_id: item.product_id,
          exemplars: [{ exemplar_id: item.exemplars[0].exemplar_id, marks: [{ mark: GOOD(7) }] }],
        },
      ],
    });
    a.sim.advance(5 / 3600);
    expect(ship(a, p).status).toBe(200);
    const got = a.call('/v3/posting/fbs/get', { posting_number: p.postingNumber }).json.result;
    expect(got.status).toBe('awaiting_packaging');
    expect(got.substatus).toBe('ship_failed');
    expect(got.available_actions).toContain('ship_async_retry');
  });

  it('the ship date of a cross-border rFBS posting: not in the past, then set', () => {
    const p = open(a, (x) => x.scheme === 'rfbs');
    a.sim.handover.requireData(p.postingNumber, { cutoff: true });
    expect(
      a.call('/v3/posting/fbs/get', { posting_number: p.postingNumber }).json.result.available_actions,
    ).toContain('set_cutoff');
    const past = a.call('/v1/posting/cutoff/set', {
      posting_number: p.postingNumber,
      new_cutoff_date: new Date(a.sim.now() - 2 * 86_400_000).toISOString(),
    });
    expect(past.status).toBe(400);
    expect(past.json.message).toMatch(/INVALID_CUTOFF_DATE/);
    const at = new Date(a.sim.now() + 2 * 86_400_000).toISOString();
    expect(
      a.call('/v1/posting/cutoff/set', { posting_number: p.postingNumber, new_cutoff_date: at }).json,
    ).toEqual({ result: true });
    expect(new Date(p.shipmentDate).toISOString()).toBe(at);
    expect(ship(a, p).status).toBe(200);
  });
});
