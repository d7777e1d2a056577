/**
 * The SDK's logging: a console-shaped `logger` (default `console`) filtered by a `logLevel`.
 * Log lines name operations, statuses, redacted URLs and timings; never a header, body or secret.
 */

/** From quiet to chatty; `off` logs nothing. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** What the SDK calls on a logger: `console` fits, as do pino, winston and bunyan loggers. */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

const LEVELS = ['error', 'warn', 'info', 'debug'] as const;

function ignore(): void {}

/**
 * `sink` with the methods above `level` silenced (default level `warn`). An unknown level (say,
 * a typo in an environment variable) counts as the default.
 */
export function leveledLogger(sink: Logger = console, level: LogLevel = 'warn'): Logger {
  const index = (LEVELS as readonly string[]).indexOf(level);
  const max = index < 0 && level !== 'off' ? 1 : index;
  const logger = {} as Logger;
  LEVELS.forEach((name, i) => {
    logger[name] = i <= max ? (message) => sink[name](message) : ignore;
  });
  return logger;
}
