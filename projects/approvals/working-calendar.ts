// The working-day calendar as configurable data: the public holidays and the weekend days worked instead
// (调休) of a year, read and replaced whole. Due dates are computed from it, so a change applies at once.
import { Op, QueryTypes } from 'sequelize';
import type { RecordStore } from '../record-store';
import { ApprovalError } from './approval-error';

export interface CalendarEntry {
  day: string;
  isWorkingDay: boolean;
  note: string;
}

export interface CalendarYear {
  year: number;
  /** days that differ from the Monday-to-Friday rule */
  days: CalendarEntry[];
  /** working days in the year with these exceptions */
  workingDays: number;
}

function requireYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new ApprovalError('invalid', 'invalid_year', `年份不正确：${year} / invalid year ${year}`, {
      parameter: 'year',
      value: year,
    });
  }
}

export async function calendarYear(store: RecordStore, year: number): Promise<CalendarYear> {
  requireYear(year);
  const rows = await store.models.CalendarDay.findAll({
    where: { day: { [Op.between]: [`${year}-01-01`, `${year}-12-31`] } },
    order: [['day', 'ASC']],
  });
  const [count] = await store.sequelize.query<{ n: number }>(
    `SELECT working_days_between(make_date($1, 1, 1) - 1, make_date($1, 12, 31)) AS n`,
    { bind: [year], type: QueryTypes.SELECT },
  );
  return {
    year,
    days: rows.map((r) => ({ day: r.day, isWorkingDay: r.isWorkingDay, note: r.note })),
    workingDays: count?.n ?? 0,
  };
}

/** Replaces the year's exceptions with these; a day outside the year or given twice is refused whole. */
export async function replaceCalendarYear(
  store: RecordStore,
  year: number,
  days: CalendarEntry[],
): Promise<CalendarYear> {
  requireYear(year);
  const seen = new Set<string>();
  for (const [i, entry] of days.entries()) {
    const date = new Date(`${entry.day}T00:00:00Z`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(entry.day) ||
      Number.isNaN(date.getTime()) ||
      date.toISOString().slice(0, 10) !== entry.day ||
      date.getUTCFullYear() !== year
    ) {
      throw new ApprovalError(
        'invalid',
        'day_outside_year',
        `第 ${i + 1} 项日期 ${entry.day} 不是 ${year} 年的日期 / ${entry.day} is not a day of ${year}`,
        { parameter: `days.${i}.day`, value: entry.day },
      );
    }
    if (seen.has(entry.day)) {
      throw new ApprovalError(
        'invalid',
        'duplicate_day',
        `日期重复：${entry.day} / ${entry.day} is given twice`,
        {
          parameter: `days.${i}.day`,
          value: entry.day,
        },
      );
    }
    seen.add(entry.day);
  }
  await store.sequelize.transaction(async (transaction) => {
    await store.models.CalendarDay.destroy({
      where: { day: { [Op.between]: [`${year}-01-01`, `${year}-12-31`] } },
      transaction,
    });
    await store.models.CalendarDay.bulkCreate(days, { transaction });
  });
  return calendarYear(store, year);
}
