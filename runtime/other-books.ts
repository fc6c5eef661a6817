// Spreadsheets besides the one the add-on is bound to: those SpreadsheetApp.create makes and
// SpreadsheetApp.openById / the advanced Sheets service reach by id. A deleted (trashed) one is gone
// for the script: openById fails as Apps Script does, and the Sheets API answers "not found".
import { SpreadsheetModel } from './model';
import { type SheetsEnv } from './spreadsheet/common';

export class OtherBooks {
  readonly books = new Map<string, SpreadsheetModel>();
  private readonly envs = new WeakMap<SpreadsheetModel, SheetsEnv>();
  private next = 1;

  constructor(
    private readonly main: SheetsEnv,
    private readonly newModel: () => SpreadsheetModel,
  ) {}

  create(name: string): SpreadsheetModel {
    const book = this.newModel();
    book.name = name;
    // Drive file ids: 44 characters of [A-Za-z0-9_-], unique.
    book.id = `1Archive${String(this.next++).padStart(8, '0')}`.padEnd(44, 'x');
    this.books.set(book.id, book);
    return book;
  }

  isMain(book: SpreadsheetModel): boolean {
    return book === this.main.book;
  }

  find(id: string): SpreadsheetModel | undefined {
    if (id === this.main.book.id) return this.main.book;
    return this.books.get(id);
  }

  envOf(book: SpreadsheetModel): SheetsEnv {
    if (book === this.main.book) return this.main;
    let env = this.envs.get(book);
    if (!env) {
      env = { ...this.main, book };
      this.envs.set(book, env);
    }
    return env;
  }

  /** The seller deletes the file (it goes to the Drive trash): the script can no longer open it. */
  delete(id: string): boolean {
    return this.books.delete(id);
  }
}

/**
 * The advanced Sheets service for every spreadsheet: each call goes to the service of the spreadsheet
 * its id names (the first text argument of every Sheets API method: `get(id, …)`, `batchUpdate(body,
 * id)`, `Values.batchGet(id, …)`, `DeveloperMetadata.search(body, id)`); an unknown id goes to the bound
 * spreadsheet's service, which answers "Requested entity was not found." as Google does.
 */
export function sheetsForEveryBook(
  mainService: object,
  books: OtherBooks,
  serviceOf: (env: SheetsEnv) => object,
): object {
  const services = new WeakMap<SpreadsheetModel, object>();
  const serviceFor = (id: unknown): object => {
    const book = typeof id === 'string' ? books.find(id) : undefined;
    if (!book || books.isMain(book)) return mainService;
    let s = services.get(book);
    if (!s) {
      s = serviceOf(books.envOf(book));
      services.set(book, s);
    }
    return s;
  };
  const wrap = (path: string[], target: object): object =>
    new Proxy(target, {
      get(t, prop) {
        const v = Reflect.get(t, prop, t) as unknown;
        if (typeof prop !== 'string') return v;
        if (v && typeof v === 'object') return wrap([...path, prop], v);
        if (typeof v !== 'function' || prop.startsWith('new') || !path.length) return v;
        return (...args: unknown[]) => {
          const id = args.find((a) => typeof a === 'string');
          let service: unknown = serviceFor(id);
          for (const segment of path) service = (service as Record<string, unknown>)[segment];
          return (service as Record<string, (...a: unknown[]) => unknown>)[prop](...args);
        };
      },
    });
  return wrap([], mainService);
}
