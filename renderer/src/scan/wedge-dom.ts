/**
 * Binds the wedge detector to a window: one capturing keydown listener, so scans are caught wherever the
 * focus is, and swallowed keys never reach the page's own handlers (Enter would otherwise submit a form).
 * Register it before other keydown listeners. No React here; a component calls bindWedge(window, …) in an effect and dispose() in its cleanup.
 */
import { WedgeDetector, type WedgeOptions } from './wedge'

/** The parts of Window the binding uses (a real Window fits; tests pass an EventTarget). */
export interface WedgeHost {
  addEventListener(type: string, listener: (event: Event) => void, options: { capture: boolean }): void
  removeEventListener(type: string, listener: (event: Event) => void, options: { capture: boolean }): void
}

export interface WedgeBinding {
  readonly detector: WedgeDetector
  dispose(): void
}

/**
 * Default for held keys that turned out to be typing: insert them where the caret is. execCommand keeps the
 * browser's undo stack and fires the input events React listens to.
 */
export function insertTextAtFocus(text: string): void {
  const doc = globalThis.document
  if (!doc) return
  const el = doc.activeElement
  const editable =
    el instanceof HTMLTextAreaElement ||
    (el instanceof HTMLInputElement && /^(text|search|tel|url|email|number|password|)$/.test(el.type)) ||
    (el instanceof HTMLElement && el.isContentEditable)
  if (editable) doc.execCommand('insertText', false, text)
}

const CAPTURE = { capture: true }

export function bindWedge(
  host: WedgeHost,
  options: Omit<WedgeOptions, 'onRelease'> & Partial<WedgeOptions>
): WedgeBinding {
  const detector = new WedgeDetector({ onRelease: insertTextAtFocus, ...options })
  const onKeyDown = (event: Event): void => {
    if (detector.feed(event as KeyboardEvent) === 'swallow') {
      event.preventDefault()
      event.stopImmediatePropagation()
    }
  }
  // Alt+numpad characters (Windows) arrive as input with no keydown of their own.
  const onBeforeInput = (event: Event): void => {
    if (detector.capturing) event.preventDefault()
  }
  const onBlur = (): void => detector.flush()
  host.addEventListener('keydown', onKeyDown, CAPTURE)
  host.addEventListener('beforeinput', onBeforeInput, CAPTURE)
  host.addEventListener('blur', onBlur, CAPTURE)
  return {
    detector,
    dispose() {
      host.removeEventListener('keydown', onKeyDown, CAPTURE)
      host.removeEventListener('beforeinput', onBeforeInput, CAPTURE)
      host.removeEventListener('blur', onBlur, CAPTURE)
      detector.dispose()
    }
  }
}
