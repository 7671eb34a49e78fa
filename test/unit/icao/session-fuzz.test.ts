import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { openBac, type Transmit } from '../../../protocol/icao/session'
import { LDS_FILES } from '../../../protocol/icao/lds/files'
import { encodeTlv } from '../../../protocol/icao/tlv'
import { isAppError } from '../../../contract/errors'
import { FakeChip } from './support/fake-chip'

const mrz = { documentNumber: '093047064', dateOfBirth: '930105', dateOfExpiry: '330105' }
const dg2 = encodeTlv(
  0x75,
  new Uint8Array(3000).map((_, i) => i & 0xff)
)

describe('session under a misbehaving transport', () => {
  it('ends every read with the data or a typed AppError, within a bounded number of APDUs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.uint8Array({ maxLength: 40 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        async (from, garbage, cardStillThere, throwOnEmpty) => {
          const chip = new FakeChip({ mrz, files: new Map([[0x0102, dg2]]) })
          let n = 0
          // From APDU `from` on, the transport answers with garbage (cycled), as a broken reader might.
          const transmit: Transmit = async (apdu) => {
            n++
            if (n < from) return chip.transmit(apdu)
            const answer = garbage[n % garbage.length]!
            if (throwOnEmpty && answer.length === 0) throw new Error('SCardTransmit: 0x80100069')
            return answer
          }
          try {
            const session = await openBac(transmit, mrz, { cardPresent: async () => cardStillThere })
            const r = await session.readFile(LDS_FILES.DG2)
            expect(r.data.length).toBe(dg2.length)
          } catch (e) {
            if (!isAppError(e)) throw e
          }
          expect(n).toBeLessThan(200)
        }
      ),
      { numRuns: 150 }
    )
  })
})
