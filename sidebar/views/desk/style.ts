// The desk's own styles, added once to the sidebar page (the shared stylesheet stays untouched).
export const DESK_CSS = `
.queue{margin:0 0 8px;font-size:12px}
.order{border-top:1px solid #dadce0;padding-top:8px;margin-top:4px}
.order-head{font-size:14px;margin-bottom:4px}
.badge{font-size:11px;border:1px solid #dadce0;border-radius:3px;padding:0 4px;color:#5f6368}
.state{margin:4px 0 8px;padding:4px 6px;border-radius:3px;background:#f1f3f4}
.state-alert{background:#fce8e6;color:#c5221f;font-weight:bold}
.state-verified{background:#e6f4ea;color:#137333}
.kv{display:flex;gap:6px;margin:2px 0;line-height:1.35}
.kv .k{flex:0 0 92px;color:#5f6368}
.kv .v{flex:1;min-width:0;overflow-wrap:anywhere}
table.items{border-collapse:collapse;width:100%;margin:6px 0;font-size:12px}
table.items th,table.items td{border-bottom:1px solid #eee;padding:2px 3px;text-align:left;vertical-align:top}
table.items .num{text-align:right;white-space:nowrap}
table.items td.name{overflow-wrap:anywhere}
table.packages input{width:34px;height:22px;text-align:right;margin:0}table.packages td,table.packages th{vertical-align:middle}
.num.ok{color:#137333}
.checklist{border:1px solid #dadce0;border-radius:4px;margin:8px 0;padding:4px 8px}
.checklist legend{font-weight:bold;padding:0 4px}
.check{margin:3px 0}
.desk-form{border-top:1px solid #dadce0;margin-top:8px;padding-top:6px}
.desk-form h2{font-size:13px;margin:4px 0 8px}
.desk-form textarea{width:100%;box-sizing:border-box}
.order-list{padding-left:16px;margin:6px 0}
.order-line{margin:4px 0}
.results{padding-left:16px;margin:4px 0;font-size:12px}
.results .ok{color:#137333}
.results .error{color:#c5221f}
button.danger{color:#c5221f}
`;
