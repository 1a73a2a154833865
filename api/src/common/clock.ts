/** The platform's clock; tests pin it instead of sleeping. */
let nowFn: () => Date = () => new Date();

export function now(): Date {
  return nowFn();
}

/** Pins (or with no argument, releases) the clock. For tests only. */
export function setClock(fn?: () => Date): void {
  nowFn = fn ?? (() => new Date());
}
