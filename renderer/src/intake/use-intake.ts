import { AppError } from '../../../contract/errors'
import { useEffect } from 'react'
import { bridge } from '../bridge'
import { WedgeDetector } from '../scan/wedge'
import { intakeBus } from './bus'
import { formatMessage } from '../../../contract/messages'
import { mayStartScan, releaseTyped } from './held-keys'
import { looksLikeBhytQrText } from '../../../contract/bhyt'
import { bhytQrBus } from './bhyt-qr-bus'

async function submitScan(text: string, via: 'keyboard' | 'camera'): Promise<void> {
  if (looksLikeBhytQrText(text) && (await submitBhytScan(text, via))) return
  const r = await bridge.call('qr:submit', { text, via })
  if (r.ok) intakeBus.publish({ kind: 'qr', read: r.value })
  else intakeBus.publish({ kind: 'scan-error', error: r.error, hint: null })
}

/**
 * A BHYT card / VssID QR goes to the BHYT section; one that cannot be read as such goes the CCCD way, whose refusal
 * says what it is ("the QR code of a BHYT card").
 */
async function submitBhytScan(text: string, via: 'keyboard' | 'camera'): Promise<boolean> {
  const r = await bridge.call('bhyt:qr', { text, via })
  if (r.ok) bhytQrBus.publish({ ok: true, read: r.value })
  else if (r.error.code !== 'QR_INVALID') bhytQrBus.publish({ ok: false, error: r.error })
  return r.ok || r.error.code !== 'QR_INVALID'
}

/**
 * Listens for QR scans wherever the focus is (keyboard-wedge scanners), and relays hardware-scanner and card-reader
 * events from the main side to the form.
 */
export function useIntake(): void {
  useEffect(() => {
    const wedge = new WedgeDetector({
      minLength: 20,
      onRelease: releaseTyped,
      startKey: (key) => mayStartScan(key, document.activeElement),
      onPartial: () =>
        intakeBus.publish({
          kind: 'scan-error',
          error: {
            code: 'QR_INVALID',
            key: 'scan.partial',
            message: formatMessage('vi', 'scan.partial'),
            messageEn: formatMessage('en', 'scan.partial')
          },
          hint: null
        }),
      onScan: (text, info) => {
        if (info.damage) {
          // A damaged scan fills nothing: the clerk is told how to set the scanner up instead.
          // One problem, one text: the same catalogue message as a damaged scan the main side caught.
          const kind = info.damage.kind === 'replacement' ? 'question-mark' : info.damage.kind
          const error = AppError.of('SCAN_DAMAGED', undefined, { kind: `scanDamage.${kind}` })
            .withDetail(`wedge damage: ${info.damage.kind}`)
            .toValue()
          intakeBus.publish({ kind: 'scan-error', error, hint: info.damage.hint })
          return
        }
        void submitScan(text, 'keyboard')
      }
    })
    const onKey = (e: KeyboardEvent): void => {
      if (wedge.feed(e) === 'swallow') e.preventDefault()
    }
    const onBeforeInput = (e: Event): void => {
      if (wedge.capturing) e.preventDefault()
    }
    window.addEventListener('keydown', onKey, true)
    window.addEventListener('beforeinput', onBeforeInput, true)
    const offScanned = bridge.on('qr:scanned', (m) => {
      if (m.ok) intakeBus.publish({ kind: 'qr', read: m.value })
      else intakeBus.publish({ kind: 'scan-error', error: m.error, hint: null })
    })
    const offCard = bridge.on('card:event', (event) => intakeBus.publish({ kind: 'card', event }))
    const offBhyt = bridge.on('bhyt:scanned', (m) =>
      bhytQrBus.publish(m.ok ? { ok: true, read: m.value } : { ok: false, error: m.error })
    )
    return () => {
      window.removeEventListener('keydown', onKey, true)
      window.removeEventListener('beforeinput', onBeforeInput, true)
      offScanned()
      offCard()
      offBhyt()
    }
  }, [])
}

export { submitScan }
