import { useTranslation } from 'react-i18next'
import { textOf, type Lang, type MessageParams } from '../../../contract/messages'

/** Anything carrying a catalogue text: an error, a warning, a status. */
export interface MessageCarrier {
  key?: string
  params?: MessageParams
  message: string
}

export const langOf = (lng: string | undefined): Lang => (lng?.startsWith('en') ? 'en' : 'vi')

/**
 * Formats errors, warnings and statuses from their catalogue key + params in the language the clerk chose;
 * the Vietnamese `message` they carry is shown only for a key this screen does not know (a newer main side).
 */
export function useMessageText(): (value: MessageCarrier) => string {
  const { i18n } = useTranslation()
  const lang = langOf(i18n.language)
  return (value) => textOf(lang, value)
}
