// The workbench page: spreadsheet tabs as a grid, the add-on menu, toasts and the real sidebar.
// Everything from the spreadsheet is inserted with textContent; cells hold seller and buyer data.
import type { CellView, GridView, MenuView, WorkbenchState } from '../state';
import { chartNode } from './charts';

const ROW_HEIGHT = 21;
const HEADER_HEIGHT = 22;
const ROW_HEADER_WIDTH = 46;
const DEFAULT_COL_WIDTH = 100;

let state: WorkbenchState | null = null;
let shownSidebarSeq: number | null = null;
let shownDialogSeq: number | null = null;
const seenToasts = new Set<number>();
let anchor: { row: number; col: number } | null = null;
let refreshing: Promise<void> | null = null;
let refreshAgain = false;
/** What the grid was last drawn from: a poll that changed nothing on the sheet redraws nothing. */
let drawnGrid = '';
let drawnMenus = '';
let drawnTabs = '';

function $(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (!node) throw new Error(`missing #${id}`);
  return node;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

function colLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

async function post(path: string, body: unknown = {}): Promise<unknown> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { ok?: boolean; error?: string };
  if (!response.ok || answer.ok === false) showError(answer.error ?? `HTTP ${response.status}`);
  await refresh();
  return answer;
}

function showError(message: string): void {
  const bar = $('error-bar');
  bar.textContent = message;
  bar.hidden = false;
}

/** Fetches /state if it changed; concurrent requests coalesce into one follow-up. */
function refresh(): Promise<void> {
  if (refreshing) {
    refreshAgain = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      refreshAgain = false;
      const version = state ? state.version : -1;
      const response = await fetch(`/state?version=${version}`);
      const next = (await response.json()) as WorkbenchState | { version: number; unchanged: true };
      if (!('unchanged' in next)) render(next);
    } while (refreshAgain);
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function render(next: WorkbenchState): void {
  state = next;
  document.body.setAttribute('data-version', String(next.version));
  $('doc-title').textContent = next.spreadsheetName;
  $('clock').textContent =
    `Script clock ${next.clock}${next.shopClock ? ` · shop clock ${next.shopClock}` : ''}`;
  $('demo-note').textContent =
    `Demo workbench: a simulated Ozon shop (seed ${next.demo.seed}); its demo credentials ` +
    `(Client-Id ${next.demo.clientId}) are pre-saved in user properties. Nothing here talks to Ozon or Google.`;
  // Rebuilt only when it changed: the sidebar's selection poll changes the version several times a
  // second, and a menu redrawn under the pointer loses the click.
  const menuKey = JSON.stringify(next.menus);
  if (menuKey !== drawnMenus) {
    drawnMenus = menuKey;
    renderMenus(next.menus);
  }
  const tabsKey = JSON.stringify([next.tabs, next.activeSheetId]);
  if (tabsKey !== drawnTabs) {
    drawnTabs = tabsKey;
    renderTabs(next);
  }
  const gridKey = JSON.stringify([next.grid, next.activeRange]);
  if (gridKey !== drawnGrid) {
    drawnGrid = gridKey;
    renderGrid(next.grid, next);
  }
  renderToasts(next);
  renderSidebar(next);
  renderDialog(next);
  renderLog(next);
}

function renderMenus(menus: MenuView[]): void {
  const list = $('menu-dropdown');
  list.replaceChildren();
  if (!menus.length) list.appendChild(el('div', 'menu-empty', 'No add-on menu (onOpen has not built one)'));
  for (const menu of menus) {
    list.appendChild(el('div', 'menu-title', menu.title));
    for (const item of menu.items) {
      if ('separator' in item) {
        list.appendChild(el('div', 'menu-separator'));
        continue;
      }
      const button = el('button', 'menu-item', item.label);
      button.type = 'button';
      button.dataset.function = item.functionName;
      button.addEventListener('click', () => {
        closeMenu();
        void post('/menu', { functionName: item.functionName });
      });
      list.appendChild(button);
    }
  }
}

function closeMenu(): void {
  $('menu-dropdown').hidden = true;
  $('menu-button').setAttribute('aria-expanded', 'false');
}

function renderTabs(s: WorkbenchState): void {
  const tabs = $('tabs');
  tabs.replaceChildren();
  for (const tab of s.tabs) {
    if (tab.hidden) continue;
    const button = el('button', tab.id === s.activeSheetId ? 'tab active' : 'tab', tab.name);
    button.type = 'button';
    button.dataset.sheet = tab.name;
    if (tab.tabColor) button.style.borderBottomColor = tab.tabColor;
    button.addEventListener('click', () => {
      anchor = null;
      void post('/select', { sheetId: tab.id });
    });
    tabs.appendChild(button);
  }
}

function selected(s: WorkbenchState, row: number, col: number): boolean {
  const r = s.activeRange;
  if (!r || r.sheetId !== s.grid.sheetId) return false;
  return row >= r.startRow && row < r.endRow && col >= r.startCol && col < r.endCol;
}

function cellNode(cell: CellView | null | undefined): HTMLTableCellElement {
  const td = el('td', 'cell');
  if (!cell) return td;
  if (cell.link) {
    const a = el('a', 'cell-link', cell.t);
    a.href = cell.link;
    a.target = '_blank';
    a.rel = 'noopener';
    td.appendChild(a);
  } else td.textContent = cell.t;
  if (cell.num) td.classList.add('num');
  if (cell.bold) td.style.fontWeight = 'bold';
  if (cell.italic) td.style.fontStyle = 'italic';
  if (cell.bg) td.style.background = cell.bg;
  if (cell.color) td.style.color = cell.color;
  if (cell.align) td.style.textAlign = cell.align;
  td.title = cell.t;
  return td;
}

function renderGrid(grid: GridView, s: WorkbenchState): void {
  const widths = Array.from({ length: grid.cols }, (_, c) => grid.colWidths[c] ?? DEFAULT_COL_WIDTH);
  const left: number[] = [];
  let x = ROW_HEADER_WIDTH;
  for (const w of widths) {
    left.push(x);
    x += w;
  }
  const table = el('table', 'grid');
  table.dataset.sheetId = String(grid.sheetId);
  // Columns keep the widths set on them, whatever their content (as in Sheets).
  table.style.width = `${x}px`;
  const colgroup = el('colgroup');
  const rh = el('col');
  rh.style.width = `${ROW_HEADER_WIDTH}px`;
  colgroup.appendChild(rh);
  for (const w of widths) {
    const col = el('col');
    col.style.width = `${w}px`;
    colgroup.appendChild(col);
  }
  table.appendChild(colgroup);

  const thead = el('thead');
  const headRow = el('tr');
  headRow.appendChild(el('th', 'corner'));
  widths.forEach((_, c) => {
    const th = el('th', 'col-head', colLetters(c));
    if (c < grid.frozenCols) {
      th.classList.add('frozen-col');
      th.style.left = `${left[c]}px`;
    }
    headRow.appendChild(th);
  });
  thead.appendChild(headRow);
  table.appendChild(thead);

  const tbody = el('tbody');
  for (let r = 0; r < grid.rows; r++) {
    const tr = el('tr');
    tr.dataset.row = String(r + 1);
    const frozenRow = r < grid.frozenRows;
    const top = HEADER_HEIGHT + r * ROW_HEIGHT;
    const th = el('th', 'row-head', String(r + 1));
    th.addEventListener('click', () => {
      anchor = { row: r, col: 0 };
      void post('/select', {
        sheetId: grid.sheetId,
        startRow: r,
        endRow: r + 1,
        startCol: 0,
        endCol: grid.maxCols,
      });
    });
    if (frozenRow) {
      tr.classList.add('frozen-row');
      th.style.top = `${top}px`;
    }
    tr.appendChild(th);
    for (let c = 0; c < grid.cols; c++) {
      const td = cellNode(grid.cells[r]?.[c]);
      td.dataset.cell = `${colLetters(c)}${r + 1}`;
      if (frozenRow) td.style.top = `${top}px`;
      if (c < grid.frozenCols) {
        td.classList.add('frozen-col');
        td.style.left = `${left[c]}px`;
      }
      if (selected(s, r, c)) td.classList.add('selected');
      td.addEventListener('click', (event) => selectCell(grid.sheetId, r, c, event.shiftKey));
      tr.appendChild(td);
    }
    tbody.appendChild(tr);
  }
  table.appendChild(tbody);
  const wrap = $('grid');
  const { scrollTop, scrollLeft } = wrap;
  wrap.replaceChildren(table);
  for (const chart of grid.charts) {
    if (chart.row >= grid.rows || chart.col >= grid.cols) continue;
    const box = el('div', 'chart-box');
    box.style.left = `${left[chart.col] + chart.offsetX}px`;
    box.style.top = `${HEADER_HEIGHT + chart.row * ROW_HEIGHT + chart.offsetY}px`;
    box.appendChild(chartNode(chart));
    wrap.appendChild(box);
  }
  if (grid.truncated) wrap.appendChild(el('div', 'truncated', `Showing the first ${grid.rows} rows.`));
  wrap.scrollTop = scrollTop;
  wrap.scrollLeft = scrollLeft;
  const active = s.activeRange && s.activeRange.sheetId === grid.sheetId ? s.activeRange : null;
  $('selection').textContent = active
    ? `${colLetters(active.startCol)}${active.startRow + 1}` +
      (active.endRow - active.startRow > 1 || active.endCol - active.startCol > 1
        ? `:${colLetters(active.endCol - 1)}${active.endRow}`
        : '')
    : '';
}

function selectCell(sheetId: number, row: number, col: number, extend: boolean): void {
  if (!extend || !anchor) anchor = { row, col };
  const startRow = Math.min(anchor.row, row);
  const startCol = Math.min(anchor.col, col);
  void post('/select', {
    sheetId,
    startRow,
    endRow: Math.max(anchor.row, row) + 1,
    startCol,
    endCol: Math.max(anchor.col, col) + 1,
  });
}

function renderToasts(s: WorkbenchState): void {
  const box = $('toasts');
  for (const toast of s.toasts) {
    if (seenToasts.has(toast.id)) continue;
    seenToasts.add(toast.id);
    // Sheets shows one toast at a time: a new one replaces the one on screen.
    box.replaceChildren();
    const node = el('div', 'toast');
    node.dataset.toast = String(toast.id);
    if (toast.title) node.appendChild(el('div', 'toast-title', toast.title));
    node.appendChild(el('div', 'toast-message', toast.message));
    const close = el('button', 'toast-close', '×');
    close.type = 'button';
    close.addEventListener('click', () => node.remove());
    node.appendChild(close);
    box.appendChild(node);
    // Sheets keeps a toast up for `seconds`; -1 means until dismissed.
    if (toast.seconds >= 0) setTimeout(() => node.remove(), Math.max(toast.seconds, 1) * 1000);
  }
}

function renderSidebar(s: WorkbenchState): void {
  const panel = $('sidebar-panel');
  const frame = $('sidebar-frame') as HTMLIFrameElement;
  if (!s.sidebar) {
    panel.hidden = true;
    if (shownSidebarSeq !== null) frame.src = 'about:blank';
    shownSidebarSeq = null;
    return;
  }
  panel.hidden = false;
  $('sidebar-title').textContent = s.sidebar.title;
  if (shownSidebarSeq !== s.sidebar.seq) {
    shownSidebarSeq = s.sidebar.seq;
    frame.src = `/sidebar/${s.sidebar.seq}`;
  }
}

function renderDialog(s: WorkbenchState): void {
  const overlay = $('dialog-overlay');
  const frame = $('dialog-frame') as HTMLIFrameElement;
  if (!s.dialog) {
    overlay.hidden = true;
    if (shownDialogSeq !== null) frame.src = 'about:blank';
    shownDialogSeq = null;
    return;
  }
  overlay.hidden = false;
  overlay.classList.toggle('modal', s.dialog.modal);
  $('dialog-title').textContent = s.dialog.title;
  const box = $('dialog-box');
  box.style.width = `${s.dialog.width}px`;
  frame.style.height = `${s.dialog.height}px`;
  if (shownDialogSeq !== s.dialog.seq) {
    shownDialogSeq = s.dialog.seq;
    frame.src = `/dialog/${s.dialog.seq}`;
  }
}

function info(text: string): void {
  const bar = $('info-bar');
  bar.textContent = text;
  bar.hidden = false;
}

function renderLog(s: WorkbenchState): void {
  const log = $('log');
  log.replaceChildren();
  for (const entry of s.log.slice(-8).reverse()) {
    const line = el('div', entry.ok ? 'log-line' : 'log-line failed');
    line.textContent = `${entry.at} ${entry.trigger} ${entry.functionName}${entry.ok ? '' : ` failed: ${entry.error ?? ''}`}`;
    log.appendChild(line);
  }
}

function start(): void {
  $('menu-button').addEventListener('click', (event) => {
    event.stopPropagation();
    const list = $('menu-dropdown');
    list.hidden = !list.hidden;
    $('menu-button').setAttribute('aria-expanded', String(!list.hidden));
  });
  document.addEventListener('click', (event) => {
    if (!$('menu').contains(event.target as Node)) closeMenu();
  });
  $('advance').addEventListener('click', () => void post('/advance', { hours: 24 }));
  $('hourly').addEventListener('click', () => {
    void post('/hourly').then((answer) => {
      const runs = (answer as { runs?: number }).runs ?? 0;
      info(
        runs
          ? `Hourly trigger: an hour passed and ${runs} time-driven trigger run(s) finished (see the log below).`
          : 'Hourly trigger: an hour passed; no time-driven trigger was due (turn on Auto-sync hourly in Settings to install one).',
      );
    });
  });
  $('info-bar').addEventListener('click', () => ($('info-bar').hidden = true));
  $('dialog-close').addEventListener('click', () => void post('/dialog/close'));
  $('sidebar-close').addEventListener('click', () => void post('/sidebar/close'));
  $('error-bar').addEventListener('click', () => ($('error-bar').hidden = true));
  window.addEventListener('message', (event) => {
    const data = event.data as { source?: string; type?: string } | null;
    if (!data || data.source !== 'odesk-sidebar') return;
    if (data.type === 'focus-editor') $('grid').focus();
    void refresh();
  });
  void refresh();
  // The workbench writes the refresh interval into the page (WorkbenchOptions.pageRefreshMs).
  const refreshMs = (window as unknown as { ODESK_PAGE_REFRESH_MS?: number }).ODESK_PAGE_REFRESH_MS ?? 1000;
  setInterval(() => void refresh().catch(() => undefined), refreshMs);
}

start();
