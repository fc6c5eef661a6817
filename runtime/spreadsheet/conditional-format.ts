// Conditional format rules and their builder.
import { expose } from '../bridge';
import { normColor, type SheetsEnv } from './common';
import { type ConditionalRule, type RuleFormat } from '../model';
import { rangeOf } from './objects';
import { modelOfRange, Range } from './range';

export function ruleModel(rule: unknown): ConditionalRule {
  const m = (rule as { model?: ConditionalRule }).model;
  if (!m) throw new Error('Invalid argument: rules');
  return m;
}

export class ConditionalFormatRule {
  constructor(
    private env: SheetsEnv,
    readonly model: ConditionalRule,
  ) {}
  getRanges() {
    return this.env.realm.list(
      this.model.ranges.map((g) => {
        const s =
          this.env.book.sheets.find((x) => x.conditionalRules.includes(this.model)) ??
          this.env.book.activeSheet();
        return rangeOf(this.env, s, g.startRow, g.startCol, g.endRow - g.startRow, g.endCol - g.startCol);
      }),
    );
  }
  getBooleanCondition() {
    const m = this.model;
    return expose(this.env.engine, {
      getCriteriaType: () => CONDITION_TO_CRITERIA[m.condition.type] ?? m.condition.type,
      getCriteriaValues: () => this.env.realm.toScript([...m.condition.values]),
      getBackground: () => m.format.background ?? null,
      getFontColor: () => m.format.fontColor ?? null,
      getBold: () => m.format.bold ?? null,
      getItalic: () => m.format.italic ?? null,
    });
  }
  getGradientCondition() {
    return null;
  }
  copy() {
    const b = new ConditionalFormatRuleBuilder(this.env);
    b.model = structuredClone(this.model);
    return expose(this.env.engine, b);
  }
}

export const CONDITION_TO_CRITERIA: Record<string, string> = {
  TEXT_EQ: 'TEXT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_STARTS_WITH: 'TEXT_STARTS_WITH',
  TEXT_ENDS_WITH: 'TEXT_ENDS_WITH',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  BLANK: 'CELL_EMPTY',
  NOT_BLANK: 'CELL_NOT_EMPTY',
  NUMBER_GREATER: 'NUMBER_GREATER_THAN',
  NUMBER_LESS: 'NUMBER_LESS_THAN',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQ: 'NUMBER_EQUAL_TO',
};

export class ConditionalFormatRuleBuilder {
  model: ConditionalRule = { ranges: [], condition: { type: '', values: [] }, format: {} };
  constructor(private env: SheetsEnv) {}
  private when(type: string, values: unknown[] = []) {
    this.model.condition = { type, values: values.map(String) };
    return this;
  }
  whenTextEqualTo(t: string) {
    return this.when('TEXT_EQ', [t]);
  }
  whenTextContains(t: string) {
    return this.when('TEXT_CONTAINS', [t]);
  }
  whenTextStartsWith(t: string) {
    return this.when('TEXT_STARTS_WITH', [t]);
  }
  whenTextEndsWith(t: string) {
    return this.when('TEXT_ENDS_WITH', [t]);
  }
  whenFormulaSatisfied(f: string) {
    if (!String(f).startsWith('=')) throw new Error('Invalid argument: formula must start with "="');
    return this.when('CUSTOM_FORMULA', [f]);
  }
  whenCellEmpty() {
    return this.when('BLANK');
  }
  whenCellNotEmpty() {
    return this.when('NOT_BLANK');
  }
  whenNumberGreaterThan(n: number) {
    return this.when('NUMBER_GREATER', [n]);
  }
  whenNumberLessThan(n: number) {
    return this.when('NUMBER_LESS', [n]);
  }
  whenNumberEqualTo(n: number) {
    return this.when('NUMBER_EQ', [n]);
  }
  whenNumberBetween(a: number, b: number) {
    return this.when('NUMBER_BETWEEN', [a, b]);
  }
  setBackground(c: string | null) {
    this.model.format.background = normColor(c);
    return this;
  }
  setFontColor(c: string | null) {
    this.model.format.fontColor = normColor(c);
    return this;
  }
  setBold(b: boolean) {
    this.model.format.bold = Boolean(b);
    return this;
  }
  setItalic(b: boolean) {
    this.model.format.italic = Boolean(b);
    return this;
  }
  setStrikethrough(b: boolean) {
    this.model.format.strikethrough = Boolean(b);
    return this;
  }
  setRanges(ranges: Range[]) {
    if (!Array.isArray(ranges)) throw new Error('Invalid argument: ranges');
    this.model.ranges = ranges.map((r) => {
      const g = modelOfRange(r);
      return { startRow: g.r, endRow: g.r + g.nr, startCol: g.c, endCol: g.c + g.nc };
    });
    return this;
  }
  getRanges() {
    return this.model.ranges;
  }
  build() {
    if (!this.model.condition.type) throw new Error('Conditional format rule must have a condition.');
    if (this.model.ranges.length === 0)
      throw new Error('Conditional format rule must have at least one range.');
    const format: RuleFormat = this.model.format;
    if (!Object.values(format).some((v) => v !== undefined && v !== null))
      throw new Error('Conditional format rule must have at least one format.');
    return expose(this.env.engine, new ConditionalFormatRule(this.env, structuredClone(this.model)));
  }
}
