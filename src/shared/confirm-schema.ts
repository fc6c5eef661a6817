// A destructive action (cancel a posting, decide a cancellation request, act on an rFBS return) is
// final at Ozon: its call must carry `confirmed: true`, which the server checks, whoever the caller is.
import * as z from 'zod';
import { lazySchema } from './lazy-schema';

export const Confirmed = lazySchema(() => z.literal(true, { message: 'error.confirm.required' }));
