// Public holidays and adjusted working days (调休) that time limits in working days must respect.
export interface CalendarException {
  day: string;
  isWorkingDay: boolean;
  note: string;
}

const off = (note: string, ...days: string[]) => days.map((day) => ({ day, isWorkingDay: false, note }));
const on = (note: string, ...days: string[]) => days.map((day) => ({ day, isWorkingDay: true, note }));

export const CALENDAR_EXCEPTIONS: CalendarException[] = [
  ...off('元旦', '2024-01-01', '2025-01-01', '2026-01-01', '2026-01-02'),
  ...off(
    '春节',
    '2024-02-12',
    '2024-02-13',
    '2024-02-14',
    '2024-02-15',
    '2024-02-16',
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
    '2025-01-31',
    '2025-02-03',
    '2025-02-04',
  ),
  ...on('春节调休', '2024-02-04', '2024-02-18', '2025-01-26', '2025-02-08'),
  ...off('劳动节', '2024-05-01', '2024-05-02', '2024-05-03', '2025-05-01', '2025-05-02', '2025-05-05'),
  ...on('劳动节调休', '2024-04-28', '2024-05-11', '2025-04-27'),
  ...off(
    '国庆节',
    '2024-10-01',
    '2024-10-02',
    '2024-10-03',
    '2024-10-04',
    '2024-10-07',
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
  ),
  ...on('国庆节调休', '2024-09-29', '2024-10-12', '2025-09-28', '2025-10-11'),
];
