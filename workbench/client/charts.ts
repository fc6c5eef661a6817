// Embedded charts drawn as SVG over the grid, from the data the workbench resolved from their ranges.
import type { ChartView } from '../state';

const SVG = 'http://www.w3.org/2000/svg';
const PALETTE = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#7baaf7', '#f07b72'];

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= value) return m * step;
  return 10 * step;
}

function short(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e6) return `${+(n / 1e6).toFixed(1)}M`;
  if (abs >= 1e3) return `${+(n / 1e3).toFixed(1)}k`;
  return String(+n.toFixed(2));
}

function legend(root: SVGSVGElement, names: string[], x: number, y: number): void {
  names.forEach((name, i) => {
    const g = svg('g', { class: 'chart-legend-item' });
    g.appendChild(
      svg('rect', { x, y: y + i * 16, width: 10, height: 10, fill: PALETTE[i % PALETTE.length] }),
    );
    g.appendChild(svg('text', { x: x + 14, y: y + i * 16 + 9, 'font-size': 11 }, name));
    root.appendChild(g);
  });
}

function pie(root: SVGSVGElement, chart: ChartView): void {
  const values = chart.series[0]?.values.map((v) => Math.max(v ?? 0, 0)) ?? [];
  const total = values.reduce((s, v) => s + v, 0);
  const cx = chart.width * 0.35;
  const cy = chart.height / 2 + 12;
  const r = Math.min(chart.width * 0.3, chart.height / 2 - 30);
  let angle = -Math.PI / 2;
  values.forEach((v, i) => {
    if (!total || !v) return;
    const sweep = (v / total) * Math.PI * 2;
    const color = PALETTE[i % PALETTE.length];
    const label = `${chart.labels[i]}: ${short(v)}`;
    if (sweep >= Math.PI * 2 - 1e-9) {
      root.appendChild(svg('circle', { cx, cy, r, fill: color, class: 'chart-mark', 'data-label': label }));
    } else {
      const x1 = cx + r * Math.cos(angle);
      const y1 = cy + r * Math.sin(angle);
      const x2 = cx + r * Math.cos(angle + sweep);
      const y2 = cy + r * Math.sin(angle + sweep);
      const path = `M${cx},${cy} L${x1},${y1} A${r},${r} 0 ${sweep > Math.PI ? 1 : 0} 1 ${x2},${y2} Z`;
      root.appendChild(svg('path', { d: path, fill: color, class: 'chart-mark', 'data-label': label }));
    }
    angle += sweep;
  });
  legend(
    root,
    chart.labels.map((l, i) => `${l} (${total ? Math.round(((values[i] ?? 0) / total) * 100) : 0}%)`),
    chart.width * 0.7,
    48,
  );
}

function basic(root: SVGSVGElement, chart: ChartView): void {
  const horizontal = chart.chartType === 'BAR';
  const left = horizontal ? 120 : 56;
  const right = chart.series.some((s) => s.axis === 'RIGHT') ? 48 : 16;
  const top = 36;
  const bottom = chart.series.length > 1 ? 58 : 40;
  const w = chart.width - left - right;
  const h = chart.height - top - bottom;
  const n = Math.max(chart.labels.length, 1);
  const maxOf = (axis: 'LEFT' | 'RIGHT') =>
    niceMax(
      Math.max(0, ...chart.series.filter((s) => s.axis === axis).flatMap((s) => s.values.map((v) => v ?? 0))),
    );
  const max = { LEFT: maxOf('LEFT'), RIGHT: maxOf('RIGHT') };
  root.appendChild(svg('rect', { x: left, y: top, width: w, height: h, fill: 'none', stroke: '#dadce0' }));
  for (let k = 0; k <= 4; k++) {
    const frac = k / 4;
    if (horizontal) {
      const x = left + w * frac;
      root.appendChild(svg('line', { x1: x, y1: top, x2: x, y2: top + h, stroke: '#eee' }));
      root.appendChild(
        svg('text', { x, y: top + h + 14, 'font-size': 10, 'text-anchor': 'middle' }, short(max.LEFT * frac)),
      );
    } else {
      const y = top + h - h * frac;
      root.appendChild(svg('line', { x1: left, y1: y, x2: left + w, y2: y, stroke: '#eee' }));
      root.appendChild(
        svg('text', { x: left - 4, y: y + 3, 'font-size': 10, 'text-anchor': 'end' }, short(max.LEFT * frac)),
      );
      if (right > 16)
        root.appendChild(
          svg('text', { x: left + w + 4, y: y + 3, 'font-size': 10 }, short(max.RIGHT * frac)),
        );
    }
  }
  const bars = chart.series.filter((s) => s.type === 'COLUMN' || s.type === 'BAR');
  const band = (horizontal ? h : w) / n;
  const barSize = (band * 0.7) / Math.max(bars.length, 1);
  const every = Math.ceil(n / (horizontal ? 20 : 12));
  chart.labels.forEach((label, i) => {
    if (i % every) return;
    if (horizontal)
      root.appendChild(
        svg(
          'text',
          { x: left - 4, y: top + band * (i + 0.5) + 3, 'font-size': 10, 'text-anchor': 'end' },
          label.length > 18 ? `${label.slice(0, 17)}…` : label,
        ),
      );
    else
      root.appendChild(
        svg(
          'text',
          { x: left + band * (i + 0.5), y: top + h + 14, 'font-size': 10, 'text-anchor': 'middle' },
          label.length > 12 ? `${label.slice(0, 11)}…` : label,
        ),
      );
  });
  chart.series.forEach((series, si) => {
    const color = PALETTE[si % PALETTE.length];
    const scale = max[series.axis];
    if (series.type === 'LINE' || series.type === 'AREA') {
      const points = series.values
        .map((v, i) => (v === null ? null : `${left + band * (i + 0.5)},${top + h - (h * v) / scale}`))
        .filter(Boolean)
        .join(' ');
      root.appendChild(
        svg('polyline', {
          points,
          fill: 'none',
          stroke: color,
          'stroke-width': 2,
          class: 'chart-mark',
          'data-label': series.name,
        }),
      );
      return;
    }
    const b = bars.indexOf(series);
    series.values.forEach((v, i) => {
      if (v === null) return;
      const size = ((horizontal ? w : h) * Math.max(v, 0)) / scale;
      const offset = band * i + band * 0.15 + barSize * b;
      const rect = horizontal
        ? { x: left, y: top + offset, width: size, height: barSize }
        : { x: left + offset, y: top + h - size, width: barSize, height: size };
      root.appendChild(
        svg('rect', {
          ...rect,
          fill: color,
          class: 'chart-mark',
          'data-label': `${chart.labels[i]}: ${short(v)}`,
        }),
      );
    });
  });
  if (chart.series.length > 1)
    chart.series.forEach((s, i) => {
      const x = left + i * 180;
      const y = chart.height - 16;
      root.appendChild(
        svg('rect', { x, y: y - 9, width: 10, height: 10, fill: PALETTE[i % PALETTE.length] }),
      );
      root.appendChild(svg('text', { x: x + 14, y, 'font-size': 11 }, s.name));
    });
}

/** One chart as Sheets would show it: a white card with its title, marks, axes and legend. */
export function chartNode(chart: ChartView): SVGSVGElement {
  const root = svg('svg', {
    width: chart.width,
    height: chart.height,
    viewBox: `0 0 ${chart.width} ${chart.height}`,
    class: 'chart',
    'data-chart': chart.id,
    'data-kind': chart.chartType,
    role: 'img',
    'aria-label': chart.title,
  });
  root.appendChild(
    svg('rect', { x: 0, y: 0, width: chart.width, height: chart.height, fill: '#fff', stroke: '#dadce0' }),
  );
  root.appendChild(svg('text', { x: 12, y: 22, 'font-size': 14, class: 'chart-title' }, chart.title));
  if (!chart.labels.length) {
    root.appendChild(
      svg('text', { x: chart.width / 2, y: chart.height / 2, 'text-anchor': 'middle', fill: '#5f6368' }, '—'),
    );
    return root;
  }
  if (chart.kind === 'PIE') pie(root, chart);
  else basic(root, chart);
  return root;
}
