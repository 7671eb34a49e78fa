import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { WebcamScanner, type WebcamError } from '../scan/webcam'
import { useMessageText } from '../i18n/format'
import { submitScan } from '../intake/use-intake'

/** Fallback for desks without a scanner: hold the card's QR up to the webcam. Stops after one good scan. */
export function WebcamScan({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation()
  const video = useRef<HTMLVideoElement>(null)
  const messageText = useMessageText()
  const [error, setError] = useState<WebcamError | null>(null)

  useEffect(() => {
    if (!video.current) return
    const scanner = new WebcamScanner(video.current, {
      onScan: (text) => {
        scanner.stop()
        void submitScan(text, 'camera').finally(onClose)
      },
      onError: (e) => setError(e)
    })
    void scanner.start()
    return () => scanner.stop()
  }, [onClose])

  return (
    <div className="webcam" data-testid="webcam">
      <video ref={video} muted playsInline aria-label={t('webcam.video')} />
      <div className="webcam-side">
        <p>{error ? messageText(error) : t('webcam.hint')}</p>
        <button type="button" onClick={onClose}>
          {t('webcam.close')}
        </button>
      </div>
    </div>
  )
}
