import { z } from 'zod'

/**
 * Queue numbers (STT) and priority at the desk (docs/desk-duties.md §4). Priority in examination by law:
 * emergencies, children under 6, pregnant women, people with severe disabilities, people aged 75 or more, people
 * with merit to the revolution. The app suggests a class from the record; the clerk confirms it.
 */
export const priorityClasses = [
  'emergency',
  'under-6',
  'pregnant',
  'severe-disability',
  'aged-75',
  'merit'
] as const
export const priorityClassSchema = z.enum(priorityClasses)
export type PriorityClass = z.infer<typeof priorityClassSchema>

export const queueTicketSchema = z.object({
  visitId: z.string().max(64),
  /** Local day the number belongs to, YYYY-MM-DD: numbers restart at 1 each day. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The room or service the number is for. */
  queue: z.string().min(1).max(40),
  number: z.number().int().positive(),
  priority: priorityClassSchema.nullable(),
  issuedAt: z.string().max(40)
})
export type QueueTicket = z.infer<typeof queueTicketSchema>

/** Printed as on the slip: priority tickets carry "UT" so the call screen and the room see them at once. */
export const ticketLabel = (t: Pick<QueueTicket, 'number' | 'priority'>): string =>
  `${t.priority ? 'UT-' : ''}${String(t.number).padStart(3, '0')}`

/** Slip page sizes: 58 mm and 80 mm receipt printers, A5 sheets. */
export const slipFormats = ['58mm', '80mm', 'a5'] as const
export const slipFormatSchema = z.enum(slipFormats)
export type SlipFormat = z.infer<typeof slipFormatSchema>
