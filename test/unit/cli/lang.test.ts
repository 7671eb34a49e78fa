import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliJson } from '../../support/run-cli'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../../support/fixtures'

// digit 4 = 0 (a man born 19xx, year 93) against a woman born 1995: two ID warnings.
const QR =
  '022093001234|100123456|Nguyễn Thị Hồng Nhung|14031995|Nữ|Tổ 5, Khu 3, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh|10042021'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir('reception-cli-lang-')))
afterEach(() => cleanup())

/** What these tests read from the printed JSON. */
interface Printed {
  error: { code: string; message: string; detail?: string }
  warnings: { message: string }[]
  identity: object
}

const cli = (...args: string[]) => runCliJson<Printed>(dir, ...args)

describe('reception --lang', () => {
  it('prints errors in Vietnamese by default and in English with --lang en', async () => {
    const viOut = await cli('parse-qr', 'https://example.com/not-a-card')
    const enOut = await cli('--lang', 'en', 'parse-qr', 'https://example.com/not-a-card')
    expect(viOut.code).toBe(2)
    expect(enOut.code).toBe(2)
    expect(viOut.out.error.message).toBe('Mã QR không phải mã QR của thẻ căn cước: đây là một đường dẫn web.')
    expect(enOut.out.error).toMatchObject({
      code: 'QR_INVALID',
      message: 'This is not the QR code of a citizen ID card: it is a web address.',
      detail: expect.stringMatching(/^Not a CCCD QR code/)
    })
  })

  it('prints the warnings inside a result in the chosen language', async () => {
    const enOut = await cli('--lang', 'en', 'parse-qr', QR)
    expect(enOut.code).toBe(0)
    const messages = enOut.out.warnings.map((w) => w.message)
    expect(messages).toContain(
      'The sex given is female, but the 4th digit of the ID number implies male. Check against the card.'
    )

    const file = join(dir, 'identity.json')
    writeFileSync(file, JSON.stringify(enOut.out.identity))
    const coded = await cli('--lang', 'en', 'normalize', '--from', file)
    const codedMessages = coded.out.warnings.map((w) => w.message)
    expect(codedMessages).toContain(
      'The card does not show an occupation: ask and pick an occupation code (00000 for none).'
    )
    const viCoded = await cli('normalize', '--from', file)
    expect(viCoded.out.warnings.map((w) => w.message)).toContain(
      'Thẻ không ghi nghề nghiệp: hãy hỏi và chọn mã nghề (00000 nếu không có).'
    )
  })

  it('refuses a language it does not have', async () => {
    const r = await cli('--lang', 'fr', 'parse-qr', QR)
    expect(r.code).toBe(2)
    expect(r.out.error.code).toBe('VALIDATION')
  })
})
