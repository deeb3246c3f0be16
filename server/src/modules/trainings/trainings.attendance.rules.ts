/**
 * The completion rule: a participant completes a training when they attended at least the
 * event's share of all its sessions. Integer arithmetic (attended × 100 ≥ percent × sessions), the
 * same as the SQL that counts completers for the cascade reach.
 */
export function isCompleted(attended: number, sessions: number, minAttendancePercent: number): boolean {
  return sessions > 0 && attended * 100 >= minAttendancePercent * sessions;
}

/** Fewest sessions that complete a training of `sessions` sessions. */
export function sessionsNeeded(sessions: number, minAttendancePercent: number): number {
  return Math.ceil((minAttendancePercent * sessions) / 100);
}

/** 90 → "1.5", 600 → "10": hours for people, from whole minutes. */
export function hoursText(minutes: number): string {
  const tenths = Math.round(minutes / 6);
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}
