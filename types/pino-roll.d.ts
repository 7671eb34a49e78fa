// pino-roll ships no types; the part this app uses.
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino'
  interface PinoRollOptions {
    file: string | (() => string)
    size?: string | number
    frequency?: 'daily' | 'hourly' | number
    extension?: string
    symlink?: boolean
    mkdir?: boolean
    limit?: { count?: number; removeOtherLogFiles?: boolean }
    dateFormat?: string
    sync?: boolean
  }
  export default function roll(options: PinoRollOptions): Promise<DestinationStream & { end(): void }>
}
