// The seller-rating block of the Dashboard, between the headline figures and the charts: each
// rating Ozon reports with its value, the value before and its status, the FBS error index, how
// many postings raised it, and how many reviews and questions wait for an answer.
import { t, type Lang } from '../i18n/messages';
import { ratingNameText } from '../i18n/ozon-names';
import { ratingStatusText } from './tables';
import type { FeedbackReport } from './reports';

export interface BlockCell {
  value: string | number | null;
  bold?: boolean;
  number?: boolean;
}

export function feedbackBlock(lang: Lang, report: FeedbackReport | null): BlockCell[][] {
  if (!report) return [];
  const rows: BlockCell[][] = [[{ value: t(lang, 'feedback.dash.title'), bold: true }]];
  if (!report.ratings.length) rows.push([{ value: t(lang, 'feedback.dash.none') }]);
  else {
    rows.push(
      (
        ['feedback.dash.rating', 'feedback.dash.value', 'feedback.dash.past', 'feedback.dash.status'] as const
      ).map((key) => ({ value: t(lang, key), bold: true })),
    );
    for (const r of report.ratings)
      rows.push([
        { value: ratingNameText(lang, r.code, r.name) },
        { value: r.value, number: true },
        { value: r.pastValue, number: true },
        { value: ratingStatusText(lang, r.statusCode, r.status), bold: r.statusCode === 'CRITICAL' },
      ]);
  }
  rows.push([{ value: t(lang, 'feedback.dash.errors', { count: report.errorPostings }) }]);
  rows.push([
    {
      value: t(lang, 'feedback.summary.unanswered', {
        reviews: report.unprocessedReviews,
        questions: report.openQuestions,
      }),
    },
  ]);
  return rows;
}
