// SpreadsheetApp.RangeList.
import { Range } from './range';

export class RangeList {
  constructor(private ranges: Range[]) {}
  getRanges() {
    return this.ranges;
  }
  activate() {
    this.ranges.forEach((r) => r.activate());
    return this;
  }
  clearContent() {
    this.ranges.forEach((r) => r.clearContent());
    return this;
  }
  setValue(v: unknown) {
    this.ranges.forEach((r) => r.setValue(v));
    return this;
  }
  setNumberFormat(nf: string) {
    this.ranges.forEach((r) => r.setNumberFormat(nf));
    return this;
  }
  setBackground(c: string) {
    this.ranges.forEach((r) => r.setBackground(c));
    return this;
  }
  setFontWeight(w: string) {
    this.ranges.forEach((r) => r.setFontWeight(w));
    return this;
  }
}
