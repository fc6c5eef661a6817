// Developer metadata objects and their finder.
import { expose } from '../bridge';
import { type SheetsEnv } from './common';
import { type DeveloperMetadata } from '../model';
import { rangeOf, sheetOf, spreadsheetOf } from './objects';
import { modelOfRange, Range } from './range';
import { modelOfSheet, Sheet } from './sheet';

export function metadataObj(env: SheetsEnv, m: DeveloperMetadata): DeveloperMetadataObj {
  return expose(env.engine, new DeveloperMetadataObj(env, m));
}

export class DeveloperMetadataObj {
  constructor(
    private env: SheetsEnv,
    private m: DeveloperMetadata,
  ) {}
  private get alive() {
    if (!this.env.book.metadata.includes(this.m)) throw new Error('The developer metadata has been removed.');
    return this.m;
  }
  getId() {
    return this.alive.id;
  }
  getKey() {
    return this.alive.key;
  }
  getValue() {
    return this.alive.value;
  }
  getVisibility() {
    return this.alive.visibility;
  }
  setKey(k: string) {
    this.env.engine.call('sheetsWrite');
    this.alive.key = String(k);
    return this;
  }
  setValue(v: string) {
    this.env.engine.call('sheetsWrite');
    this.alive.value = v === null ? null : String(v);
    return this;
  }
  setVisibility(v: string) {
    this.alive.visibility = v === 'PROJECT' ? 'PROJECT' : 'DOCUMENT';
    return this;
  }
  remove() {
    this.env.engine.call('sheetsWrite');
    this.env.book.metadata = this.env.book.metadata.filter((x) => x !== this.m);
  }
  moveToColumn(range: Range) {
    this.env.engine.call('sheetsWrite');
    const g = modelOfRange(range);
    this.alive.location = { locationType: 'COLUMN', sheetId: g.sheet.id, start: g.c, end: g.c + g.nc };
    return this;
  }
  moveToRow(range: Range) {
    this.env.engine.call('sheetsWrite');
    const g = modelOfRange(range);
    this.alive.location = { locationType: 'ROW', sheetId: g.sheet.id, start: g.r, end: g.r + g.nr };
    return this;
  }
  moveToSheet(sheet: Sheet) {
    this.env.engine.call('sheetsWrite');
    this.alive.location = { locationType: 'SHEET', sheetId: modelOfSheet(sheet).id };
    return this;
  }
  getLocation() {
    const env = this.env;
    const l = this.alive.location;
    const sheet = l.sheetId === undefined ? undefined : env.book.byId(l.sheetId);
    return expose(env.engine, {
      getLocationType: () => l.locationType,
      getSpreadsheet: () => (l.locationType === 'SPREADSHEET' ? spreadsheetOf(env) : null),
      getSheet: () => (l.locationType === 'SHEET' && sheet ? sheetOf(env, sheet) : null),
      getColumn: () =>
        l.locationType === 'COLUMN' && sheet
          ? rangeOf(env, sheet, 0, l.start!, sheet.maxRows, l.end! - l.start!)
          : null,
      getRow: () =>
        l.locationType === 'ROW' && sheet
          ? rangeOf(env, sheet, l.start!, 0, l.end! - l.start!, sheet.maxCols)
          : null,
    });
  }
}

export class DeveloperMetadataFinder {
  private filters: ((m: DeveloperMetadata) => boolean)[] = [];
  private intersecting = false;
  constructor(
    private env: SheetsEnv,
    private scope: (m: DeveloperMetadata) => boolean,
    private intersectScope?: (m: DeveloperMetadata) => boolean,
  ) {}
  withKey(k: string) {
    this.filters.push((m) => m.key === k);
    return this;
  }
  withValue(v: string) {
    this.filters.push((m) => m.value === v);
    return this;
  }
  withId(id: number) {
    this.filters.push((m) => m.id === id);
    return this;
  }
  withLocationType(t: string) {
    this.filters.push((m) => m.location.locationType === String(t));
    return this;
  }
  withVisibility(v: string) {
    this.filters.push((m) => m.visibility === String(v));
    return this;
  }
  onIntersectingLocations() {
    this.intersecting = true;
    return this;
  }
  find() {
    this.env.engine.call('sheetsRead');
    const scope = this.intersecting && this.intersectScope ? this.intersectScope : this.scope;
    return this.env.realm.list(
      this.env.book.metadata
        .filter((m) => scope(m) && this.filters.every((f) => f(m)))
        .map((m) => metadataObj(this.env, m)),
    );
  }
}
