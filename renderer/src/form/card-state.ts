import type { AppErrorValue } from '../../../contract/errors'
import type { CardEvent, PassiveAuthValue, ReadStep } from '../../../contract/reading'

/** What the card panel shows: read progress, photo and the chip's verification verdict. */
export interface CardState {
  reading: boolean
  step: ReadStep | null
  percent: number
  photo: string | null
  verification: PassiveAuthValue | null
  error: AppErrorValue | null
  readerName: string | null
}

export const idleCard: CardState = {
  reading: false,
  step: null,
  percent: 0,
  photo: null,
  verification: null,
  error: null,
  readerName: null
}

/** The card panel after a reader event (the identity itself goes to the form, not here). */
export function nextCardState(card: CardState, e: CardEvent): CardState {
  switch (e.type) {
    case 'inserted':
      return { ...idleCard, reading: true, step: 'connect', readerName: e.readerName }
    case 'progress':
      return { ...card, reading: true, step: e.step, percent: e.percent, error: null }
    case 'verified':
      return { ...card, verification: e.passiveAuthentication }
    case 'photo':
      return { ...card, photo: `data:${e.mime};base64,${e.dataBase64}` }
    case 'done':
      return { ...card, reading: false, percent: 100 }
    case 'error':
      return { ...card, reading: false, error: e.error }
    case 'removed':
      return card.reading ? { ...card, reading: false } : card
    default:
      return card
  }
}

/** The three-state mark (ADR 0018); records from before it have only the passive-auth status. */
export function trustOf(v: PassiveAuthValue): 'verified' | 'intact' | 'altered' | 'unchecked' {
  if (v.trust) return v.trust
  if (v.status === 'invalid') return 'altered'
  if (v.status === 'unchecked') return 'unchecked'
  return v.chain === 'trusted' ? 'verified' : 'intact'
}
