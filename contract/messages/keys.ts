import type { vi } from './vi'

export type MessageKey = keyof typeof vi
export type MessageParams = Record<string, string | number>
export const languages = ['vi', 'en'] as const
export type Lang = (typeof languages)[number]
