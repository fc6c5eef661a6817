// The SpreadsheetApp global: entry points, enums and builders.
import { expose } from '../bridge';
import {
  DATA_EXECUTION_STATE,
  enableBigQueryExecution,
  newDataSourceSpec,
  PIVOT_SUMMARIZE,
} from '../bigquery/connected-sheets';
import { enumOf, type SheetsEnv } from './common';
import { ConditionalFormatRuleBuilder } from './conditional-format';
import { DataValidationBuilder } from './data-validation';
import { FilterCriteriaBuilder } from './filter';
import { spreadsheetOf } from './objects';
import { Range } from './range';
import { RichTextBuilder } from './rich-text';
import { Sheet } from './sheet';
import { Spreadsheet } from './spreadsheet';
import { type OtherBooks } from '../other-books';

export class SpreadsheetAppService {
  readonly Dimension = enumOf(['COLUMNS', 'ROWS']);
  readonly BorderStyle = enumOf(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE']);
  readonly WrapStrategy = enumOf(['WRAP', 'OVERFLOW', 'CLIP']);
  readonly DataValidationCriteria = enumOf([
    'CHECKBOX',
    'VALUE_IN_LIST',
    'VALUE_IN_RANGE',
    'CUSTOM_FORMULA',
    'NUMBER_BETWEEN',
    'DATE_IS_VALID_DATE',
  ]);
  readonly DeveloperMetadataVisibility = enumOf(['DOCUMENT', 'PROJECT']);
  readonly DeveloperMetadataLocationType = enumOf(['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN']);
  readonly BooleanCriteria = enumOf([
    'CELL_EMPTY',
    'CELL_NOT_EMPTY',
    'TEXT_EQUAL_TO',
    'TEXT_CONTAINS',
    'TEXT_STARTS_WITH',
    'TEXT_ENDS_WITH',
    'CUSTOM_FORMULA',
    'NUMBER_GREATER_THAN',
    'NUMBER_LESS_THAN',
    'NUMBER_BETWEEN',
    'NUMBER_EQUAL_TO',
  ]);
  readonly ProtectionType = enumOf(['RANGE', 'SHEET']);
  readonly SheetType = enumOf(['GRID', 'OBJECT']);
  readonly CopyPasteType = enumOf(['PASTE_NORMAL', 'PASTE_VALUES', 'PASTE_FORMAT']);

  constructor(
    private env: SheetsEnv,
    private others?: OtherBooks,
  ) {}

  getActiveSpreadsheet(): Spreadsheet {
    this.env.engine.requireAuth('SpreadsheetApp.getActiveSpreadsheet', {
      scopes: ['spreadsheets.currentonly', 'spreadsheets'],
    });
    this.env.engine.call('sheetsOther');
    return spreadsheetOf(this.env);
  }

  getActive(): Spreadsheet {
    return this.getActiveSpreadsheet();
  }

  getActiveSheet(): Sheet {
    return this.getActiveSpreadsheet().getActiveSheet();
  }

  getActiveRange(): Range | null {
    return this.getActiveSpreadsheet().getActiveRange();
  }

  getUi(): unknown {
    const ex = this.env.engine.current;
    if (ex && !this.env.engine.userMode && ex.trigger === 'time')
      throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    this.env.engine.requireAuth('SpreadsheetApp.getUi', { noneOk: true, scopes: ['script.container.ui'] });
    return this.env.ui.api();
  }

  flush(): void {
    this.env.engine.call('sheetsOther');
  }

  openById(id: string): Spreadsheet {
    this.env.engine.requireAuth('SpreadsheetApp.openById', {
      limitedOk: false,
      simpleOk: false,
      scopes: ['spreadsheets'],
    });
    this.env.engine.call('sheetsOther');
    if (id === this.env.book.id) return spreadsheetOf(this.env);
    const other = this.others?.find(String(id));
    if (other) return spreadsheetOf(this.others!.envOf(other));
    throw new Error(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  }

  /** A new spreadsheet in the user's Drive (one Sheet1 tab), as `SpreadsheetApp.create(name)`. */
  create(name: string, rows?: number, columns?: number): Spreadsheet {
    this.env.engine.requireAuth('SpreadsheetApp.create', {
      limitedOk: false,
      simpleOk: false,
      scopes: ['spreadsheets'],
    });
    this.env.engine.call('sheetsOther');
    if (!this.others) throw new Error('runtime: this runtime cannot create spreadsheets');
    if (typeof name !== 'string' || !name)
      throw new Error("The parameters () don't match the method signature for SpreadsheetApp.create.");
    const book = this.others.create(name);
    const first = book.sheets[0];
    if (rows !== undefined) first.maxRows = Number(rows);
    if (columns !== undefined) first.maxCols = Number(columns);
    return spreadsheetOf(this.others.envOf(book));
  }

  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return expose(this.env.engine, new ConditionalFormatRuleBuilder(this.env));
  }

  newDataValidation(): DataValidationBuilder {
    return expose(this.env.engine, new DataValidationBuilder());
  }

  newRichTextValue(): RichTextBuilder {
    return expose(this.env.engine, new RichTextBuilder());
  }

  readonly PivotTableSummarizeFunction = PIVOT_SUMMARIZE;
  readonly DataExecutionState = DATA_EXECUTION_STATE;

  /** Connected Sheets: runtime/bigquery/connected-sheets.ts. */
  newDataSourceSpec(): unknown {
    return newDataSourceSpec(this.env);
  }

  enableBigQueryExecution(): void {
    enableBigQueryExecution(this.env);
  }

  newFilterCriteria(): FilterCriteriaBuilder {
    return expose(this.env.engine, new FilterCriteriaBuilder());
  }
}
