// The workbench page shell; its script is bundled from client/page.ts when the server starts.
const STYLES = `
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body { font: 13px Arial, sans-serif; color: #202124; display: flex; flex-direction: column; background: #f8f9fa; }
header { display: flex; align-items: center; gap: 12px; padding: 6px 12px; background: #fff; border-bottom: 1px solid #dadce0; }
#doc-title { font-size: 16px; }
#menu { position: relative; }
#menu-button { background: none; border: 0; padding: 4px 8px; border-radius: 4px; font: inherit; cursor: pointer; }
#menu-button:hover, #menu-button[aria-expanded="true"] { background: #e8eaed; }
#menu-dropdown { position: absolute; top: 100%; left: 0; z-index: 20; min-width: 220px; background: #fff;
  border: 1px solid #dadce0; box-shadow: 0 2px 6px rgba(0,0,0,.2); padding: 6px 0; }
.menu-title { padding: 4px 16px; color: #5f6368; font-size: 12px; }
.menu-item { display: block; width: 100%; text-align: left; padding: 6px 16px 6px 28px; background: none; border: 0; font: inherit; cursor: pointer; white-space: nowrap; }
.menu-item:hover { background: #f1f3f4; }
.menu-separator { border-top: 1px solid #dadce0; margin: 6px 0; }
.menu-empty { padding: 6px 16px; color: #5f6368; }
.tools { margin-left: auto; display: flex; gap: 8px; align-items: center; }
.tools button { font: inherit; padding: 4px 10px; border: 1px solid #dadce0; background: #fff; border-radius: 4px; cursor: pointer; }
.tools button:hover { background: #f1f3f4; }
#clock { color: #5f6368; font-size: 12px; }
#demo-note { padding: 4px 12px; background: #fef7e0; color: #5f4b00; font-size: 12px; border-bottom: 1px solid #f9e3a3; }
#error-bar { padding: 4px 12px; background: #fce8e6; color: #c5221f; cursor: pointer; white-space: pre-wrap; }
.formula-bar { padding: 3px 12px; background: #fff; border-bottom: 1px solid #dadce0; color: #5f6368; min-height: 22px; }
main { flex: 1; display: flex; min-height: 0; }
.sheet-area { flex: 1; display: flex; flex-direction: column; min-width: 0; }
#grid { flex: 1; overflow: auto; background: #fff; outline: none; position: relative; }
.chart-box { position: absolute; z-index: 6; box-shadow: 0 1px 3px rgba(0,0,0,.2); }
.chart { display: block; font-family: Arial, sans-serif; }
.cell-link { color: #1155cc; }
#info-bar { padding: 4px 12px; background: #e8f0fe; color: #174ea6; cursor: pointer; }
#dialog-overlay { position: fixed; inset: 0; z-index: 40; display: flex; align-items: center; justify-content: center; }
#dialog-overlay.modal { background: rgba(0,0,0,.4); }
#dialog-overlay[hidden] { display: none; }
#dialog-box { background: #fff; box-shadow: 0 4px 16px rgba(0,0,0,.3); border-radius: 8px; max-width: 95vw; display: flex; flex-direction: column; }
.dialog-head { display: flex; align-items: center; padding: 12px 16px; font-size: 16px; }
#dialog-title { flex: 1; }
#dialog-close { border: 0; background: none; font-size: 20px; cursor: pointer; color: #5f6368; }
#dialog-frame { border: 0; width: 100%; max-height: 80vh; }
table.grid { border-collapse: separate; border-spacing: 0; table-layout: fixed; width: max-content; }
.grid th, .grid td { height: 21px; max-height: 21px; padding: 0 4px; border-right: 1px solid #e2e3e3; border-bottom: 1px solid #e2e3e3;
  white-space: nowrap; overflow: hidden; text-overflow: clip; background: #fff; }
.grid thead th { position: sticky; top: 0; z-index: 3; background: #f8f9fa; color: #5f6368; font-weight: normal; text-align: center; height: 22px; }
.grid thead th.corner { left: 0; z-index: 5; }
.grid th.row-head { position: sticky; left: 0; z-index: 2; background: #f8f9fa; color: #5f6368; font-weight: normal; text-align: center; cursor: pointer; }
.grid tr.frozen-row td, .grid tr.frozen-row th.row-head { position: sticky; z-index: 2; }
.grid tr.frozen-row th.row-head { z-index: 4; }
.grid tr.frozen-row:last-of-type td, .grid tr.frozen-row td { border-bottom-color: #e2e3e3; }
.grid td.frozen-col { position: sticky; z-index: 1; }
.grid thead th.frozen-col { z-index: 4; }
.grid tr.frozen-row td.frozen-col { z-index: 3; }
.grid td.num { text-align: right; }
.grid td.selected { outline: 2px solid #1a73e8; outline-offset: -2px; background-color: #e8f0fe !important; }
.truncated { padding: 6px; color: #5f6368; }
#tabs { display: flex; gap: 2px; padding: 0 12px; background: #f1f3f4; border-top: 1px solid #dadce0; overflow-x: auto; min-height: 32px; }
.tab { font: inherit; border: 0; border-bottom: 3px solid transparent; background: none; padding: 6px 14px; cursor: pointer; white-space: nowrap; }
.tab.active { background: #fff; color: #188038; font-weight: bold; }
#sidebar-panel { width: 301px; flex: none; display: flex; flex-direction: column; border-left: 1px solid #dadce0; background: #fff; }
#sidebar-panel[hidden] { display: none; }
.sidebar-head { display: flex; align-items: center; padding: 10px 12px; border-bottom: 1px solid #dadce0; font-size: 15px; }
#sidebar-title { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
#sidebar-close { border: 0; background: none; font-size: 18px; cursor: pointer; color: #5f6368; }
#sidebar-frame { width: 300px; flex: 1; border: 0; }
#toasts { position: fixed; left: 16px; bottom: 48px; display: flex; flex-direction: column; gap: 8px; z-index: 30; }
.toast { position: relative; background: #323232; color: #fff; padding: 10px 32px 10px 14px; border-radius: 4px; max-width: 360px; box-shadow: 0 2px 6px rgba(0,0,0,.3); }
.toast-title { font-weight: bold; margin-bottom: 2px; }
.toast-close { position: absolute; top: 4px; right: 6px; background: none; border: 0; color: #fff; cursor: pointer; font-size: 14px; }
#log { font: 11px monospace; color: #5f6368; background: #fff; border-top: 1px solid #dadce0; max-height: 84px; overflow: auto; padding: 2px 12px; }
.log-line.failed { color: #c5221f; }
`;

export function pageHtml(script: string): string {
  const safeScript = script.replace(/<\/script/gi, '<\\/script');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>Ozon Order Desk · workbench</title>
<style>${STYLES}</style>
</head>
<body>
<header>
  <div id="doc-title"></div>
  <nav id="menu">
    <button id="menu-button" type="button" aria-haspopup="true" aria-expanded="false">Extensions</button>
    <div id="menu-dropdown" role="menu" hidden></div>
  </nav>
  <div class="tools">
    <span id="clock"></span>
    <button id="advance" type="button">Advance shop 24 h</button>
    <button id="hourly" type="button">Run hourly trigger</button>
  </div>
</header>
<div id="demo-note"></div>
<div id="error-bar" hidden title="Click to dismiss"></div>
<div id="info-bar" hidden title="Click to dismiss"></div>
<div class="formula-bar">Selection: <span id="selection"></span></div>
<main>
  <section class="sheet-area">
    <div id="grid" tabindex="-1"></div>
    <div id="tabs"></div>
  </section>
  <aside id="sidebar-panel" hidden>
    <div class="sidebar-head"><span id="sidebar-title"></span><button id="sidebar-close" type="button" title="Close">×</button></div>
    <iframe id="sidebar-frame" title="Add-on sidebar"></iframe>
  </aside>
</main>
<div id="toasts"></div>
<div id="dialog-overlay" hidden>
  <div id="dialog-box" role="dialog" aria-labelledby="dialog-title">
    <div class="dialog-head"><span id="dialog-title"></span><button id="dialog-close" type="button" title="Close">×</button></div>
    <iframe id="dialog-frame" title="Add-on dialog"></iframe>
  </div>
</div>
<footer id="log"></footer>
<script>${safeScript}</script>
</body>
</html>`;
}
