// HtmlService: HtmlOutput and templates with Google's scriptlets (<? ?>, <?= ?>, <?!= ?>),
// evaluated inside the script's global scope like Apps Script does.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { expose } from './bridge';
import type { Engine } from './execution';

export const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Compiles a template into JS source for a function(__vars, __output) run in the script realm. */
export function compileTemplate(src: string): string {
  let code = 'var __o = [];\n';
  let i = 0;
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    if (m.index > i) code += `__o.push(${JSON.stringify(src.slice(i, m.index))});\n`;
    const body = m[2];
    if (m[1] === '=') code += `__o.push(__esc(${body.trim().replace(/;$/, '')}));\n`;
    else if (m[1] === '!=') code += `__o.push(__str(${body.trim().replace(/;$/, '')}));\n`;
    else code += `${body}\n`;
    i = re.lastIndex;
  }
  if (i < src.length) code += `__o.push(${JSON.stringify(src.slice(i))});\n`;
  return `(function (__vars, __esc, __str, output) { with (__vars) { ${code} } return __o.join(''); })`;
}

interface OutputState {
  content: string;
  title: string;
  width?: number;
  height?: number;
  sandbox?: string;
  xframe?: string;
  meta: { name: string; content: string }[];
  faviconUrl?: string;
}

export function htmlService(engine: Engine, distDir: string, context: vm.Context) {
  const readFile = (name: string) => {
    const file = path.join(distDir, `${name}.html`);
    if (!fs.existsSync(file)) throw new Error(`No HTML file named ${name} was found.`);
    return fs.readFileSync(file, 'utf8');
  };

  const makeOutput = (content: string) => {
    const st: OutputState = { content, title: '', meta: [] };
    const api = {
      getContent: () => st.content,
      setContent: (c: string) => {
        st.content = String(c);
        return proxy;
      },
      append: (c: string) => {
        st.content += String(c);
        return proxy;
      },
      appendUntrusted: (c: string) => {
        st.content += escapeHtml(String(c));
        return proxy;
      },
      clear: () => {
        st.content = '';
        return proxy;
      },
      getTitle: () => st.title,
      setTitle: (t: string) => {
        st.title = String(t);
        return proxy;
      },
      getWidth: () => st.width,
      setWidth: (w: number) => {
        st.width = w;
        return proxy;
      },
      getHeight: () => st.height,
      setHeight: (h: number) => {
        st.height = h;
        return proxy;
      },
      setSandboxMode: (m: string) => {
        st.sandbox = m;
        return proxy;
      },
      getSandboxMode: () => st.sandbox ?? 'IFRAME',
      setXFrameOptionsMode: (m: string) => {
        st.xframe = m;
        return proxy;
      },
      addMetaTag: (name: string, content: string) => {
        st.meta.push({ name, content });
        return proxy;
      },
      getMetaTags: () => st.meta.map((x) => ({ getName: () => x.name, getContent: () => x.content })),
      setFaviconUrl: (u: string) => {
        st.faviconUrl = u;
        return proxy;
      },
      getBlob: () => {
        throw new Error('HtmlOutput.getBlob is not supported by the local runtime.');
      },
      asTemplate: () => makeTemplate(st.content),
    };
    const proxy = expose(engine, api, 'HtmlOutput');
    return proxy;
  };

  const makeTemplate = (src: string) => {
    const fnSource = compileTemplate(src);
    const vars: Record<string, unknown> = {};
    const target: Record<string, unknown> = {
      evaluate() {
        const out = makeOutput('');
        const own: Record<string, unknown> = {};
        for (const k of Object.keys(vars)) own[k] = vars[k];
        const fn = vm.runInContext(fnSource, context) as (
          v: object,
          esc: (x: unknown) => string,
          str: (x: unknown) => string,
          output: unknown,
        ) => string;
        const html = fn(
          own,
          (x) => escapeHtml(x === undefined || x === null ? '' : String(x)),
          (x) => (x === undefined || x === null ? '' : String(x)),
          out,
        );
        return (out as { setContent(c: string): unknown; getContent(): string }).setContent(
          (out as { getContent(): string }).getContent() + html,
        );
      },
      getCode: () => fnSource,
      getRawContent: () => src,
    };
    return new Proxy(target, {
      get(t, p) {
        if (typeof p === 'string' && p in t) return t[p];
        return typeof p === 'string' ? vars[p] : undefined;
      },
      set(_t, p, v) {
        if (typeof p === 'string') vars[p] = v;
        return true;
      },
    });
  };

  const wrapErrors = <T extends (...a: never[]) => unknown>(fn: T) => fn;

  return expose(
    engine,
    {
      SandboxMode: Object.freeze({ IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' }),
      XFrameOptionsMode: Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' }),
      createHtmlOutput: wrapErrors((html?: string) => makeOutput(html === undefined ? '' : String(html))),
      createHtmlOutputFromFile: (name: string) => {
        engine.call('other');
        return makeOutput(readFile(String(name)));
      },
      createTemplate: (src: string) => makeTemplate(String(src)),
      createTemplateFromFile: (name: string) => {
        engine.call('other');
        return makeTemplate(readFile(String(name)));
      },
      getUserAgent: () => 'Mozilla/5.0 (local runtime)',
    },
    'HtmlService',
  );
}
