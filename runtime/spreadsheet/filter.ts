// SpreadsheetApp.Filter and its criteria builder.
import { type SheetsEnv } from './common';
import { type SheetModel } from '../model';
import { rangeOf } from './objects';

export class Filter {
  constructor(
    private env: SheetsEnv,
    private sheet: SheetModel,
  ) {}
  private get f() {
    const f = this.sheet.filter;
    if (!f) throw new Error('The filter has been removed.');
    return f;
  }
  getRange() {
    this.env.engine.call('sheetsOther');
    const g = this.f.range;
    return rangeOf(
      this.env,
      this.sheet,
      g.startRow,
      g.startCol,
      g.endRow - g.startRow,
      g.endCol - g.startCol,
    );
  }
  remove() {
    this.env.engine.call('sheetsWrite');
    this.sheet.filter = null;
  }
  sort(col: number, ascending: boolean) {
    this.env.engine.call('sheetsWrite');
    const g = this.f.range;
    this.sheet.sortRange({ ...g, startRow: g.startRow + 1 }, [{ col: col - 1, ascending }]);
    this.f.sortSpecs = [{ dimensionIndex: col - 1, sortOrder: ascending ? 'ASCENDING' : 'DESCENDING' }];
    return this;
  }
  setColumnFilterCriteria(col: number, criteria: unknown) {
    this.env.engine.call('sheetsWrite');
    if (criteria === null) delete this.f.criteria[col - 1];
    else this.f.criteria[col - 1] = (criteria as { spec?: unknown }).spec ?? criteria;
    return this;
  }
  removeColumnFilterCriteria(col: number) {
    return this.setColumnFilterCriteria(col, null);
  }
  getColumnFilterCriteria(col: number) {
    this.env.engine.call('sheetsOther');
    const c = this.f.criteria[col - 1];
    return c ? this.env.realm.toScript(c) : null;
  }
}

export class FilterCriteriaBuilder {
  spec: Record<string, unknown> = {};
  setHiddenValues(values: string[]) {
    this.spec.hiddenValues = [...values];
    return this;
  }
  whenTextEqualTo(t: string) {
    this.spec.condition = { type: 'TEXT_EQ', values: [t] };
    return this;
  }
  whenCellNotEmpty() {
    this.spec.condition = { type: 'NOT_BLANK', values: [] };
    return this;
  }
  build() {
    return { spec: { ...this.spec } };
  }
}
