/**
 * Names only, no zod: the sandboxed preload imports this file and must stay dependency-free
 * (a sandboxed preload cannot require npm packages).
 */
export const CALL_CHANNEL = 'reception:call'
export const EVENT_CHANNEL = 'reception:event'
export const eventNames = ['status:changed', 'card:event', 'qr:scanned', 'bhyt:scanned'] as const
export type EventNameLiteral = (typeof eventNames)[number]
/** Electron only: print a visit's queue slip through the main process (webContents.print). */
export const PRINT_SLIP_CHANNEL = 'reception:print-slip'
