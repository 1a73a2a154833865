/**
 * The periods the dashboard reports on, in Korea time whatever the browser's zone: the
 * current month (demand funnel, credits), the current year (participation, overdue).
 */
export interface DashboardPeriod {
  month: string;
  year: number;
  from: string;
  to: string;
}

const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' });

export function dashboardPeriod(now: Date): DashboardPeriod {
  const [y, m] = ymd.format(now).split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { month: `${y}-${mm}`, year: y, from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}

/**
 * Whole days left until an instant, counted on the Korean calendar (closing tomorrow = 1,
 * closing later today = 0); null when it has passed.
 */
export function daysUntil(now: Date, target: Date): number | null {
  if (target.getTime() <= now.getTime()) return null;
  const day = (d: Date) => Date.parse(`${ymd.format(d)}T00:00:00Z`);
  return Math.round((day(target) - day(now)) / 86_400_000);
}

/** Totals of a round's offerings: seats taken (registrants) and seats offered. */
export function registrationTotals(offerings: readonly { registrantCount: number; capacity: number }[]): { registrants: number; capacity: number } {
  return offerings.reduce((a, o) => ({ registrants: a.registrants + o.registrantCount, capacity: a.capacity + o.capacity }), { registrants: 0, capacity: 0 });
}
