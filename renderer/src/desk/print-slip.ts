import type { SlipFormat } from '../../../contract/desk'
import { AppError, type Result } from '../../../contract/errors'
import { bridge } from '../bridge'

/**
 * Prints a visit's queue slip. In Electron the main process prints it (bridge.printSlip). In browser mode the slip
 * page goes into a hidden same-origin frame and that frame prints: its body is copied in as markup and its style
 * (with the @page size) as a constructed stylesheet, because the app's CSP forbids inline <style> elements.
 */
export async function printSlip(
  visitId: string,
  format: SlipFormat = '80mm'
): Promise<Result<{ printed: boolean }>> {
  if (bridge.printSlip) return bridge.printSlip(visitId, format)
  const r = await bridge.call('desk:slip', { visitId, format })
  if (!r.ok) return r
  try {
    printHtmlInFrame(r.value.html)
    return { ok: true, value: { printed: true } }
  } catch (e) {
    return {
      ok: false,
      error: AppError.of('INTERNAL')
        .withDetail(e instanceof Error ? e.message : String(e))
        .toValue()
    }
  }
}

const FRAME_ID = 'slip-print-frame'

export function printHtmlInFrame(html: string): void {
  const page = new DOMParser().parseFromString(html, 'text/html')
  document.getElementById(FRAME_ID)?.remove()
  const frame = document.createElement('iframe')
  frame.id = FRAME_ID
  frame.setAttribute('data-testid', FRAME_ID)
  frame.setAttribute('aria-hidden', 'true')
  frame.tabIndex = -1
  // Off screen, not display:none: a hidden frame must still lay out to print.
  Object.assign(frame.style, {
    position: 'fixed',
    left: '-10000px',
    top: '0',
    width: '0',
    height: '0',
    border: '0'
  })
  document.body.appendChild(frame)
  const win = frame.contentWindow
  const doc = frame.contentDocument
  if (!win || !doc) throw new Error('print frame unavailable')
  doc.title = page.title
  doc.documentElement.lang = page.documentElement.lang
  // The frame's own constructor: a sheet adopted by a document must come from that document's realm.
  const FrameSheet = (win as Window & { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet
  const sheet = new FrameSheet()
  sheet.replaceSync([...page.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n'))
  doc.adoptedStyleSheets = [sheet]
  doc.body.replaceChildren(...[...page.body.childNodes].map((n) => doc.importNode(n, true)))
  win.focus()
  win.print()
}
