// Data validation rules and their builder.

export interface ValidationSpec {
  type: string;
  values: string[];
  allowInvalid?: boolean;
  helpText?: string;
  showDropdown?: boolean;
}

export class DataValidation {
  constructor(readonly spec: ValidationSpec) {}
  getCriteriaType() {
    return this.spec.type;
  }
  getCriteriaValues() {
    return [...this.spec.values];
  }
  getAllowInvalid() {
    return this.spec.allowInvalid ?? true;
  }
  getHelpText() {
    return this.spec.helpText ?? null;
  }
  copy() {
    const b = new DataValidationBuilder();
    b.spec = { ...this.spec, values: [...this.spec.values] };
    return b;
  }
}

export class DataValidationBuilder {
  spec: ValidationSpec = { type: '', values: [] };
  requireCheckbox(checked?: unknown, unchecked?: unknown) {
    this.spec = {
      ...this.spec,
      type: 'CHECKBOX',
      values: checked === undefined ? [] : [String(checked), String(unchecked ?? '')],
    };
    return this;
  }
  requireValueInList(values: string[], showDropdown = true) {
    this.spec = { ...this.spec, type: 'VALUE_IN_LIST', values: values.map(String), showDropdown };
    return this;
  }
  requireFormulaSatisfied(f: string) {
    this.spec = { ...this.spec, type: 'CUSTOM_FORMULA', values: [f] };
    return this;
  }
  requireNumberBetween(a: number, b: number) {
    this.spec = { ...this.spec, type: 'NUMBER_BETWEEN', values: [String(a), String(b)] };
    return this;
  }
  requireDate() {
    this.spec = { ...this.spec, type: 'DATE_IS_VALID_DATE', values: [] };
    return this;
  }
  setAllowInvalid(b: boolean) {
    this.spec.allowInvalid = Boolean(b);
    return this;
  }
  setHelpText(t: string) {
    this.spec.helpText = String(t);
    return this;
  }
  build() {
    if (!this.spec.type) throw new Error('Data validation rule must have a criteria.');
    return new DataValidation({ ...this.spec, values: [...this.spec.values] });
  }
}
