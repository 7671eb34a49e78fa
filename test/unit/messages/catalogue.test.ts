import { describe, expect, it } from 'vitest'
import { vi } from '../../../contract/messages/vi'
import { en } from '../../../contract/messages/en'
import { formatMessage, isMessageKey, placeholderPattern, textOf } from '../../../contract/messages'
import { AppError, toErrorValue } from '../../../contract/errors'
import { parseCccdQr } from '../../../protocol/cccd'
import { mapPcscError } from '../../../devices/pcsc/errors'
import { cardRemoved } from '../../../protocol/icao/errors'
import { testServices } from '../../support/fixtures'

const placeholders = (text: string): string[] =>
  [...text.matchAll(placeholderPattern)].map((m) => `${m[1]}${m[2]}`).sort()

/** Letters only Vietnamese uses; an English text holding them outside quotes was not translated. */
const VIETNAMESE_LETTER = /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđăơư]/i

describe('message catalogue', () => {
  it('has the same keys in Vietnamese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort())
  })

  it('gives every key the same {{params}} in both languages', () => {
    const differing = Object.keys(vi).filter((k) => {
      const key = k as keyof typeof vi
      return placeholders(vi[key]).join() !== placeholders(en[key]).join()
    })
    expect(differing).toEqual([])
  })

  it('has no Vietnamese left in the English texts (outside quoted examples)', () => {
    const untranslated = Object.entries(en).filter(([, text]) =>
      VIETNAMESE_LETTER.test(text.replace(/"[^"]*"/g, ''))
    )
    expect(untranslated).toEqual([])
  })

  it('points every nested {{@param}} at a key that exists, for the values the code passes', () => {
    expect(
      formatMessage('en', 'error.QR_INVALID', { reason: 'qr.reason.TOO_FEW_FIELDS', count: 3, min: 6 })
    ).toBe('This is not the QR code of a citizen ID card: only 3 items, at least 6 needed.')
    expect(
      formatMessage('vi', 'warning.ID_SEX_MISMATCH', {
        givenSex: 'label.sex.female',
        idSex: 'label.sex.male'
      })
    ).toContain('Giới tính ghi là nữ')
  })

  it('falls back to the carried message only for a key it does not know', () => {
    expect(textOf('en', { key: 'error.NO_CARD', message: 'x' })).toBe(en['error.NO_CARD'])
    expect(textOf('en', { key: 'error.FROM_A_NEWER_VERSION', message: 'văn bản cũ' })).toBe('văn bản cũ')
    expect(isMessageKey('error.FROM_A_NEWER_VERSION')).toBe(false)
  })

  it('puts key, params and both renderings on the wire, the technical reason apart', () => {
    const v = AppError.of('NO_READER', 'error.NO_READER.named', { reader: 'ACS' })
      .withDetail('no match')
      .toValue()
    expect(v).toEqual({
      code: 'NO_READER',
      key: 'error.NO_READER.named',
      params: { reader: 'ACS' },
      message: 'Không thấy đầu đọc có tên chứa "ACS".',
      messageEn: 'No reader whose name contains "ACS".',
      detail: 'no match'
    })
    expect(toErrorValue(new Error('SQLITE_FULL: database or disk is full'))).toMatchObject({
      code: 'DISK_FULL',
      key: 'error.DISK_FULL',
      detail: 'SQLITE_FULL: database or disk is full'
    })
  })
})

describe('one message per problem', () => {
  it('a card pulled mid-read says the same thing whichever layer noticed', () => {
    const fromPcsc = mapPcscError(new Error('Card was removed'))
    const fromIcao = cardRemoved('no response')
    expect(fromPcsc.code).toBe('CARD_REMOVED')
    expect(fromPcsc.messageVi).toBe(fromIcao.messageVi)
    expect(fromPcsc.key).toBe('error.CARD_REMOVED')
    expect(fromIcao.key).toBe('error.CARD_REMOVED')
  })

  it('a QR whose ID number contradicts sex and birth year shows two warnings, each in one wording', async () => {
    // ID digit 4 = 0: a man born 1900–1999; digits 5–6 = 93. The QR says a woman born 1995.
    const qr =
      '022093001234|100123456|Nguyễn Thị Hồng Nhung|14031995|Nữ|Tổ 5, Phường Hồng Hải, Hạ Long, Quảng Ninh|10042021'
    expect(parseCccdQr(qr).warnings.map((w) => w.key)).toEqual(
      expect.arrayContaining(['warning.ID_SEX_MISMATCH', 'warning.ID_BIRTH_YEAR_MISMATCH'])
    )
    const t = testServices()
    try {
      const read = await t.services.submitQr(qr, 'cli')
      const idWarnings = read.coded.warnings.filter((w) => w.field === 'idNumber' || w.code.startsWith('ID_'))
      expect(idWarnings.map((w) => w.key).sort()).toEqual([
        'warning.ID_BIRTH_YEAR_MISMATCH',
        'warning.ID_SEX_MISMATCH'
      ])
      expect(idWarnings.every((w) => w.field === 'idNumber')).toBe(true)
      expect(idWarnings.map((w) => textOf('en', w))).toEqual(
        expect.arrayContaining([
          'Birth year 1995 does not match the ID number (it implies birth year 1993). Check against the card.',
          'The sex given is female, but the 4th digit of the ID number implies male. Check against the card.'
        ])
      )
    } finally {
      t.cleanup()
    }
  })
})
