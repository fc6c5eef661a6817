// The desk's handover form (one departure date: the delivery methods with parcels, hand over one or all,
// delete a shipping with confirmation) and the form for the data Ozon needs before packing (ship date,
// country of manufacture, Chestny ZNAK codes with Ozon's refusals shown per item).
import type { ActionResult } from '../../../src/shared/desk-schema';
import {
  CountryInput,
  CutoffInput,
  DepartureDate,
  MarksInput,
  type HandoverDay,
  type HandoverResult,
  type PackDataResult,
  type PackRequirements,
} from '../../../src/shared/handover-schema';
import { h, replaceChildren } from '../../dom';
import { tr, trIssue } from '../../i18n';
import { button, errorText, notice } from '../../ui';
import { dateInput } from '../../date-input';
import { deskCall } from './api';
import type { Act, Say } from './forms';

/** Runs a call with the desk busy, leaving the form open (its own answers show inside it). */
export type Stay = (progress: string, work: () => Promise<void>) => Promise<void>;

function issueOf(result: {
  success: boolean;
  error?: { issues: { message: string; path: PropertyKey[] }[] };
}) {
  if (result.success || !result.error) return null;
  const issue = result.error.issues[0];
  return trIssue(issue.message, issue.path.map(String).join('.'));
}

function asAction(r: HandoverResult): ActionResult {
  return {
    message: r.message,
    results: r.results.map((x) => ({ posting: x.method, ok: x.ok, message: x.message })),
    ...(r.actUrl ? { actUrl: r.actUrl } : {}),
  };
}

export function handoverForm(act: Act, stay: Stay, say: Say, postings: string[] = []): HTMLElement {
  // Empty until the server answers with its today (the spreadsheet's time zone, not the browser's).
  const date = dateInput('handoverDate');
  const containers = h('input', {
    id: 'handoverContainers',
    attrs: { type: 'number', min: '1', max: '999', placeholder: '—' },
  });
  const list = h('div', { attrs: { 'data-role': 'handover-methods' } });
  const input = () => {
    const value = date.value();
    const issue = issueOf(DepartureDate.safeParse(value));
    if (issue) {
      date.input.setAttribute('aria-invalid', 'true');
      say('error', issue);
      return null;
    }
    date.input.removeAttribute('aria-invalid');
    return value;
  };
  const go = (day: string, deliveryMethodId?: number) => {
    const n = Number(containers.value);
    void act(tr('handover.working'), async () =>
      asAction(
        await deskCall('handOverParcels', {
          date: day,
          ...(deliveryMethodId ? { deliveryMethodId } : {}),
          ...(deliveryMethodId && postings.length ? { postings } : {}),
          ...(Number.isInteger(n) && n > 0 ? { containers: n } : {}),
        }),
      ),
    );
  };
  const draw = (day: HandoverDay) => {
    if (!day.methods.length) {
      replaceChildren(
        list,
        h('p', { class: 'gray', attrs: { 'data-role': 'handover-none' } }, tr('handover.none')),
      );
      return;
    }
    replaceChildren(
      list,
      ...day.methods.map((m) =>
        h(
          'div',
          { class: 'handover-method', attrs: { 'data-method': String(m.id), 'data-flow': m.flow } },
          h('strong', {}, m.name),
          ` · ${tr(m.flow === 'carriage' ? 'handover.flow.carriage' : 'handover.flow.act')}`,
          h('div', { class: 'gray' }, tr('handover.ready', { count: m.ready })),
          ...m.carriages.map((c) =>
            h(
              'div',
              { class: 'gray', attrs: { 'data-carriage': String(c.id) } },
              `${c.id}: ${c.statusText} (${c.postings})`,
              ' ',
              m.flow === 'carriage' && c.status !== 'cancelled'
                ? h(
                    'button',
                    {
                      class: 'secondary danger',
                      attrs: { type: 'button', 'data-action': 'cancel-carriage' },
                      onClick: () => {
                        if (!window.confirm(tr('handover.cancel.confirm', { id: c.id }))) return;
                        void act(tr('sidebar.working'), async () =>
                          asAction(await deskCall('cancelCarriage', { id: c.id, confirmed: true })),
                        );
                      },
                    },
                    tr('handover.cancel', { id: c.id }),
                  )
                : null,
            ),
          ),
          m.ready > 0 || m.carriages.some((c) => c.status === 'new')
            ? h(
                'div',
                { class: 'buttons' },
                h(
                  'button',
                  {
                    class: 'action',
                    attrs: { type: 'button', 'data-action': 'handover-method' },
                    onClick: () => go(day.date, m.id),
                  },
                  tr('handover.go'),
                ),
              )
            : null,
        ),
      ),
    );
  };
  const load = (first = false) => {
    const day = first ? undefined : input();
    if (!first && !day) return;
    void stay(tr('sidebar.working'), async () => {
      try {
        const answer = await deskCall('getHandoverDay', day ? { date: day } : {});
        if (!date.input.value) date.set(answer.date);
        draw(answer);
      } catch (error) {
        replaceChildren(list, notice({ kind: 'error', text: errorText(error) }));
      }
    });
  };
  const refresh = h(
    'button',
    {
      class: 'secondary',
      attrs: { type: 'button', 'data-action': 'refresh-handovers' },
      onClick: () => {
        const day = input();
        if (day)
          void act(tr('sidebar.working'), async () =>
            asAction(await deskCall('refreshHandovers', { from: 'sidebar', date: day })),
          );
      },
    },
    tr('handover.refresh'),
  );
  const show = h(
    'button',
    { class: 'action', attrs: { type: 'button', 'data-action': 'handover-load' }, onClick: () => load() },
    tr('handover.load'),
  );
  queueMicrotask(() => load(true));
  return h(
    'div',
    { class: 'desk-form', attrs: { 'data-form': 'handover' } },
    h('h2', {}, tr('handover.title')),
    h(
      'div',
      { class: 'form-group field' },
      h('label', { attrs: { for: date.input.id } }, tr('handover.date')),
      date.element,
    ),
    h(
      'div',
      { class: 'form-group field' },
      h('label', { attrs: { for: containers.id } }, tr('handover.containers')),
      containers,
    ),
    h('div', { class: 'buttons' }, show, refresh),
    list,
  );
}

function problemList(result: PackDataResult | null): HTMLElement | null {
  if (!result || !result.problems.length) return null;
  return h(
    'ul',
    { class: 'results', attrs: { 'data-role': 'pack-problems' } },
    ...result.problems.map((p) =>
      h(
        'li',
        { class: 'error', attrs: { 'data-sku': p.sku, 'data-unit': String(p.unit) } },
        p.unit
          ? tr('pack.unit', { sku: p.sku, unit: p.unit, message: p.message })
          : tr('pack.sku', { sku: p.sku, message: p.message }),
      ),
    ),
  );
}

/** The data Ozon needs before it lets the posting be packed. */
export function packDataForm(posting: string, stay: Stay, say: Say, done: () => Promise<void>): HTMLElement {
  const root = h('div', { class: 'desk-form', attrs: { 'data-form': 'pack-data' } });
  const answer = h('div', { attrs: { 'data-role': 'pack-answer' } });
  const send = (progress: string, work: () => Promise<PackDataResult>) =>
    stay(progress, async () => {
      try {
        const result = await work();
        draw(result.requirements, result);
        if (result.ok && !result.requirements.needs.length) await done();
      } catch (error) {
        replaceChildren(answer, notice({ kind: 'error', text: errorText(error) }));
      }
    });
  const draw = (req: PackRequirements, last: PackDataResult | null = null): void => {
    const parts: HTMLElement[] = [h('h2', {}, tr('pack.title', { posting }))];
    if (!req.needs.length) parts.push(h('p', { attrs: { 'data-role': 'pack-none' } }, tr('pack.none')));
    if (req.needsCutoff) {
      const date = dateInput('packCutoff', {}, req.today);
      date.set(req.today);
      const b = button('set-cutoff', tr('pack.save.cutoff'), { primary: true });
      b.addEventListener('click', () => {
        const input = { posting, date: date.value() };
        const issue = issueOf(CutoffInput.safeParse(input));
        if (issue) {
          date.input.setAttribute('aria-invalid', 'true');
          return say('error', issue);
        }
        date.input.removeAttribute('aria-invalid');
        void send(tr('sidebar.working'), () => deskCall('setShipDate', input));
      });
      parts.push(
        h(
          'div',
          { class: 'form-group field' },
          h('label', { attrs: { for: date.input.id } }, tr('pack.cutoff')),
          date.element,
        ),
        h('div', { class: 'buttons' }, b),
      );
    }
    const countryLines = req.lines.filter((l) => l.needsCountry);
    if (countryLines.length) {
      const selects = countryLines.map((l) => {
        const select = h('select', { id: `country-${l.sku}`, attrs: { 'data-sku': l.sku } });
        select.appendChild(h('option', { attrs: { value: '' } }, tr('pack.choose')));
        for (const c of req.countries) select.appendChild(h('option', { attrs: { value: c.code } }, c.name));
        return { sku: l.sku, select, label: `${l.offerId} · ${l.name}` };
      });
      const b = button('set-country', tr('pack.save.country'), { primary: true });
      b.addEventListener('click', () => {
        const input = { posting, items: selects.map((s) => ({ sku: s.sku, country: s.select.value })) };
        const issue = issueOf(CountryInput.safeParse(input));
        if (issue) return say('error', issue);
        void send(tr('sidebar.working'), () => deskCall('setProductCountries', input));
      });
      parts.push(
        h('h3', {}, tr('pack.country')),
        ...selects.map((s) =>
          h(
            'div',
            { class: 'form-group field' },
            h('label', { attrs: { for: s.select.id } }, s.label),
            s.select,
          ),
        ),
        h('div', { class: 'buttons' }, b),
      );
    }
    const markLines = req.lines.filter((l) => l.needsMark);
    if (markLines.length) {
      const previous = new Map<string, string>();
      for (const el of Array.from(root.querySelectorAll<HTMLTextAreaElement>('textarea[data-sku]')))
        previous.set(el.dataset.sku ?? '', el.value);
      const areas = markLines.map((l) => {
        const area = h('textarea', {
          id: `marks-${l.sku}`,
          attrs: {
            rows: String(Math.min(8, Math.max(2, l.quantity))),
            'data-sku': l.sku,
            spellcheck: 'false',
          },
        });
        area.value = previous.get(l.sku) ?? '';
        return {
          sku: l.sku,
          area,
          label: `${l.offerId} · ${l.name} — ${tr('pack.marks', { units: l.quantity })}`,
        };
      });
      const b = button('set-marks', tr('pack.save.marks'), { primary: true });
      b.addEventListener('click', () => {
        const input = {
          posting,
          items: areas.map((a) => ({
            sku: a.sku,
            codes: a.area.value
              .split(/\r?\n/)
              .map((c) => c.trim())
              .filter((c) => c !== ''),
          })),
        };
        const issue = issueOf(MarksInput.safeParse(input));
        if (issue) return say('error', issue);
        void send(tr('sidebar.working'), () => deskCall('setMarkingCodes', input));
      });
      parts.push(
        h('h3', {}, tr('handover.need.mark')),
        ...areas.map((a) =>
          h('div', { class: 'form-group field' }, h('label', { attrs: { for: a.area.id } }, a.label), a.area),
        ),
        h('div', { class: 'buttons' }, b),
      );
    }
    const other = req.needs.filter((n) => n.kind !== 'cutoff' && n.kind !== 'country' && n.kind !== 'mark');
    if (other.length)
      parts.push(
        notice({ kind: 'info', text: tr('pack.other', { needs: other.map((n) => n.text).join('; ') }) }),
      );
    replaceChildren(root, ...parts, answer);
    if (last)
      replaceChildren(
        answer,
        notice({ kind: last.ok ? 'ok' : 'error', text: last.message }),
        problemList(last),
      );
  };
  replaceChildren(root, h('p', { class: 'gray' }, tr('sidebar.working')));
  void stay(tr('sidebar.working'), async () => {
    try {
      draw(await deskCall('getPackRequirements', { posting }));
    } catch (error) {
      replaceChildren(root, notice({ kind: 'error', text: errorText(error) }));
    }
  });
  return root;
}
