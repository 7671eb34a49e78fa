import { scrubFields, scrubText, type LogFields } from './scrub'

export const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const
export type LogLevel = (typeof logLevels)[number]

/** The only logging surface the app uses: an event name and a few scrubbed, primitive fields. */
export interface Log {
  debug(event: string, fields?: LogFields): void
  info(event: string, fields?: LogFields): void
  warn(event: string, fields?: LogFields): void
  error(event: string, fields?: LogFields): void
  /** Writes what is buffered (before exit). */
  flush(): Promise<void>
}

export const nullLog: Log = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  flush: () => Promise.resolve()
}

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && (logLevels as readonly string[]).includes(value)
}

/** RECEPTION_LOG_LEVEL wins (IT debugging one desk), then the configured `log.level`, then info. */
export function effectiveLogLevel(configured: unknown, env: NodeJS.ProcessEnv = process.env): LogLevel {
  if (isLogLevel(env.RECEPTION_LOG_LEVEL)) return env.RECEPTION_LOG_LEVEL
  return isLogLevel(configured) ? configured : 'info'
}

/** Adapts any sink with pino's call shape; scrubbing happens here, so no sink sees raw fields. */
export interface LogSink {
  debug(obj: object, msg: string): void
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export function logOver(sink: LogSink, flush: () => Promise<void>): Log {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (event: string, fields?: LogFields): void =>
      sink[level](scrubFields(fields), scrubText(event))
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), flush }
}
