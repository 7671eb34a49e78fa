import { afterAll, expect, it } from 'vitest'
import { emptyIdentity } from '../../../contract/identity'
import type { CodedIdentity } from '../../../contract/reading'
import { createHandlers, dispatch } from '../../../core/handlers'
import { testServices } from '../../support/fixtures'

const t = testServices()
afterAll(() => t.cleanup())
const clerk = { actor: { id: 'c', role: 'clerk' as const, fullName: 'Lê Thị Tiếp Đón', staffIdNumber: null } }

// Found by the fuzz of every call: a card without a readable birth date used to come back as an internal error.
it('a card without a birth date is coded with what it has, and says the date is missing', async () => {
  const identity = { ...emptyIdentity('manual', 'Nguyễn Thị Lan'), dateOfBirth: null, sex: 'female' as const }
  const r = await dispatch(createHandlers(t.services), 'identity:code', { identity }, clerk)
  expect(r.ok).toBe(true)
  if (!r.ok) return
  const coded = r.value as CodedIdentity
  expect(coded.form).toMatchObject({ fullName: 'Nguyễn Thị Lan', dateOfBirth: '', sex: 'female' })
  expect(coded.warnings).toContainEqual(
    expect.objectContaining({ code: 'DOB_MISSING', field: 'dateOfBirth', blocking: true })
  )
})
