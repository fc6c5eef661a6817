// Report options shown in Settings (nightly hour, summary email), validated on both sides.
import * as z from 'zod';
import { lazySchema } from './lazy-schema';

export const ReportSettingsInput = lazySchema(() =>
  z.object({
    nightlyHour: z.coerce
      .number()
      .int('error.nightlyHour.range')
      .min(0, 'error.nightlyHour.range')
      .max(23, 'error.nightlyHour.range'),
    email: z.boolean(),
  }),
);
export type ReportSettingsInput = z.input<typeof ReportSettingsInput>;

export interface ReportSettingsView {
  /** Hour of the day (spreadsheet time zone) after which the nightly run happens. */
  nightlyHour: number;
  email: boolean;
  /** Day (YYYY-MM-DD, spreadsheet zone) of the last completed nightly run, or null. */
  lastRunDay: string | null;
  /** A nightly run has work left that the next hourly run continues. */
  pending: boolean;
}

export interface BuildReportsSummary {
  sales: number;
  customers: number;
  products: number;
  cellsWritten: number;
  inventory: boolean;
  today: string;
  message: string;
}
