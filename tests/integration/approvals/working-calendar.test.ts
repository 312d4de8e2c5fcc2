// The working-day calendar as data: 2025 and 2026 as the State Council arranged them (counted by hand:
// 261 weekdays each, 2025 less 18 holidays plus 5 调休 Saturdays and Sundays, 2026 less 19 plus 6), read by
// anyone signed in, replaced whole by an administrator, with due dates following at once.
import { requestJson, signIn, type SignedIn } from '../../support/access';
import { useTestServer } from '../../support/test-server';

describe('the working-day calendar', () => {
  const server = useTestServer();
  let admin: SignedIn;
  let viewer: SignedIn;
  beforeAll(async () => {
    admin = await signIn(server.url, 'admin');
    viewer = await signIn(server.url, 'viewer');
  });
  const put = (year: number, body: unknown, user = admin) =>
    requestJson(`${server.url}/api/v1/calendar/${year}`, { method: 'PUT', headers: user.headers(), body });
  const due = async (start: string, n: number) =>
    (await server.pool.query<{ d: string }>('SELECT add_working_days($1, $2)::text AS d', [start, n]))
      .rows[0]!.d;

  it('has 2025 with 国庆·中秋 Oct 1-8 off and Sep 28, Oct 11 worked: 248 working days', async () => {
    const res = await requestJson(`${server.url}/api/v1/calendar/2025`, { headers: viewer.headers() });
    expect(res.status).toBe(200);
    const days = new Map((res.body.days as { day: string; isWorkingDay: boolean }[]).map((d) => [d.day, d]));
    expect(days.get('2025-09-28')?.isWorkingDay).toBe(true);
    expect(days.get('2025-10-11')?.isWorkingDay).toBe(true);
    for (const d of ['2025-10-01', '2025-10-03', '2025-10-06', '2025-10-08', '2025-04-04', '2025-06-02']) {
      expect(days.get(d)?.isWorkingDay).toBe(false);
    }
    expect(res.body.workingDays).toBe(248);
  });

  it('has 2026 with 元旦 Jan 1-3, 春节 Feb 15-23 and 国庆 Oct 1-7 and their worked weekends: 248 days', async () => {
    const res = await requestJson(`${server.url}/api/v1/calendar/2026`, { headers: viewer.headers() });
    const days = new Map((res.body.days as { day: string; isWorkingDay: boolean }[]).map((d) => [d.day, d]));
    for (const d of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect(days.get(d)?.isWorkingDay).toBe(true);
    }
    for (const d of ['2026-01-02', '2026-02-16', '2026-02-23', '2026-04-06', '2026-06-19', '2026-09-25']) {
      expect(days.get(d)?.isWorkingDay).toBe(false);
    }
    expect(res.body.workingDays).toBe(248);
    // and the arithmetic across 春节: 5 days from Feb 13 are Feb 14 (Sat, worked), 24, 25, 26, 27
    expect(await due('2026-02-13', 5)).toBe('2026-02-27');
  });

  it('lets an administrator replace a year, and due dates follow at once', async () => {
    // 2030-01-04 is a Friday: 5 working days are Jan 7 to 11
    expect(await due('2030-01-04', 5)).toBe('2030-01-11');
    const set = await put(2030, {
      days: [
        { day: '2030-01-07', isWorkingDay: false, note: '测试假日' },
        { day: '2030-01-12', isWorkingDay: true, note: '测试调休上班' },
      ],
    });
    expect(set.status).toBe(200);
    expect(set.body.days).toEqual([
      { day: '2030-01-07', isWorkingDay: false, note: '测试假日' },
      { day: '2030-01-12', isWorkingDay: true, note: '测试调休上班' },
    ]);
    expect(await due('2030-01-04', 5)).toBe('2030-01-12');
    expect((await put(2030, { days: [] })).status).toBe(200);
    expect(await due('2030-01-04', 5)).toBe('2030-01-11');
  });

  it('refuses a day outside the year, a day given twice, and anyone but an administrator', async () => {
    const outside = await put(2030, { days: [{ day: '2031-01-01', isWorkingDay: false }] });
    expect(outside.status).toBe(400);
    expect(outside.body.error).toMatchObject({
      code: 'day_outside_year',
      details: { parameter: 'days.0.day' },
    });
    const twice = await put(2030, {
      days: [
        { day: '2030-05-01', isWorkingDay: false },
        { day: '2030-05-01', isWorkingDay: false },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.code).toBe('duplicate_day');
    const clerk = await signIn(server.url, 'clerk');
    expect((await put(2030, { days: [] }, clerk)).status).toBe(403);
    expect((await requestJson(`${server.url}/api/v1/calendar/2030`)).status).toBe(401);
    const kept = await requestJson(`${server.url}/api/v1/calendar/2030`, { headers: viewer.headers() });
    expect(kept.body.days).toEqual([]);
  });
});
