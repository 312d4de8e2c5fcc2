// The working-day calendar over REST: a year's holidays and 调休 working days, read by anyone signed in and
// replaced whole by an administrator.
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { calendarYear, replaceCalendarYear, type RecordStore } from '../../projects';
import { parseInput } from '../request-body';
import { approvalHandler } from './approval-errors';

const year = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const days = z.strictObject({
  days: z
    .array(
      z.strictObject({
        day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        isWorkingDay: z.boolean(),
        note: z.string().max(200).default(''),
      }),
    )
    .max(366),
});

export function calendarHandlers(store: RecordStore) {
  const read: RequestHandler = approvalHandler(async (req, res) => {
    res.json(await calendarYear(store, parseInput(year, req.params).year));
  });
  const replace: RequestHandler = approvalHandler(async (req, res) => {
    const y = parseInput(year, req.params).year;
    res.json(await replaceCalendarYear(store, y, parseInput(days, req.body).days));
  });
  return { read, replace };
}
