// A day as a query parameter: YYYY-MM-DD naming a day that exists (2024-02-30 is refused).
import { z } from 'zod';

export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD / a date as YYYY-MM-DD')
  .refine((d) => {
    const date = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === d;
  }, '不是有效日期 / not a calendar day');
