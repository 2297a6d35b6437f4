/** Moments the page measures (read by the end-to-end tests for the "time to first live event" figure). */
export interface Timing {
  /** performance.now() when the user pressed "Start". */
  pressedAt?: number;
  /** performance.now() when the first live event of that run arrived. */
  firstEventAt?: number;
}

declare global {
  interface Window {
    wbTiming?: Timing;
  }
}

/** The page's timing record. */
export function timing(): Timing {
  window.wbTiming ??= {};
  return window.wbTiming;
}
