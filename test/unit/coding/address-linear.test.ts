import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codeAddress, defaultAdminCatalog } from '../../../core/coding'

const catalog = defaultAdminCatalog()

/** Best of three, so one slow moment on a shared machine does not decide the test. */
function msToCode(text: string): number {
  let best = Number.POSITIVE_INFINITY
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now()
    codeAddress(text, catalog)
    best = Math.min(best, performance.now() - t0)
  }
  return best
}

const pasted = {
  'many unit names separated by commas': (n: number) =>
    Array.from({ length: n }, () => 'Hà Tu, Hạ Long').join(', '),
  'one segment without commas': (n: number) =>
    Array.from({ length: n }, (_, i) => (i % 3 ? 'xã Hà Tu' : 'thôn 3')).join(' '),
  'one endless word after a keyword': (n: number) =>
    'xã ' + Array.from({ length: n * 8 }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join('')
}

describe('address coding time grows with the text, not with its square', () => {
  it.each(Object.entries(pasted))(
    '%s: eight times the text costs far less than 64 times',
    (_name, make) => {
      codeAddress(make(100), catalog)
      const small = msToCode(make(500))
      const large = msToCode(make(4000))
      // Linear is ×8, quadratic ×64; the margin absorbs timer noise on small runs. And what the clerk notices:
      // 4,000 unit names (64 kB) pasted into the address field come back within seconds, not minutes.
      expect(large).toBeLessThan(Math.max(24 * small, 500))
      expect(large).toBeLessThan(4_000)
    },
    180_000
  )

  it('never throws, on any text (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          fc
            .array(
              fc.constantFrom(
                'xã',
                'phường',
                'Hà Tu',
                'Hạ Long',
                'Quảng Ninh',
                ',',
                'thôn',
                '3',
                'TP.',
                '/',
                '('
              )
            )
            .map((w) => w.join(' '))
        ),
        (text) => {
          const coded = codeAddress(text, catalog)
          expect(coded.candidates.length).toBeGreaterThanOrEqual(0)
        }
      ),
      { numRuns: 300 }
    )
  })
})
