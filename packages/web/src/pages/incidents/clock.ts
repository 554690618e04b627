import { useSyncExternalStore } from 'react';
import type { Deadline, DeadlineState } from '../../api/incidents';

/**
 * One shared once-a-second tick for every countdown on the page (a board of fifty cards still
 * runs a single timer), and the difference between the server's clock and this browser's, learnt
 * from the server's own "time left" so that a wrong clock on a PC does not show a wrong countdown.
 */
const listeners = new Set<() => void>();
let timer: number | undefined;
let tick = Date.now();
let skewMs = 0;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (timer === undefined) {
    tick = Date.now();
    timer = window.setInterval(() => {
      tick = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      window.clearInterval(timer);
      timer = undefined;
    }
  };
}

const snapshot = () => tick;

/** The server's "now" in milliseconds, updated every second. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot, snapshot) + skewMs;
}

/** Learn the clock difference from deadlines just received (due − time left = the server's now). */
export function syncWithServer(deadlines: readonly Deadline[], receivedAt = Date.now()): void {
  const d = deadlines.find((x) => x.due && x.remainingMs !== null);
  if (!d?.due || d.remainingMs === null) return;
  const serverNow = new Date(d.due).getTime() - d.remainingMs;
  const skew = serverNow - receivedAt;
  // Ignore the request's own latency: only a real clock difference counts.
  skewMs = Math.abs(skew) > 5000 ? skew : 0;
}

/** A deadline closer than this is "due soon" (amber), as on the server. */
export const DUE_SOON_MS = 6 * 3_600_000;

/** The live state of an unsent deadline at `now`; sent and waiting ones keep the server's state. */
export function liveState(d: Pick<Deadline, 'due' | 'state'>, now: number): DeadlineState {
  if (d.state === 'sent' || d.state === 'sent-late' || d.state === 'waiting' || !d.due) return d.state;
  const left = new Date(d.due).getTime() - now;
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_MS ? 'due-soon' : 'pending';
}
