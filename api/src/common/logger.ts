/** Structured one-line JSON logs. Never pass personal data or SQL with values here. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;

export function createLogger(level: keyof typeof LEVELS = 'info', write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Logger {
  const min = LEVELS[level];
  const at =
    (lvl: keyof typeof LEVELS) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (LEVELS[lvl] >= min) write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields }));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
