import type { CardField } from '../../form/apply-identity'

/** The i18n label of each field a card can fill (for conflict banners). */
export const labelKey: Record<CardField, string> = {
  fullName: 'form.fullName',
  dob: 'form.dateOfBirth',
  sex: 'form.sex',
  idNumber: 'form.idNumber',
  oldIdNumber: 'form.oldIdNumber',
  ethnicityCode: 'form.ethnicity',
  nationalityCode: 'form.nationality',
  addressText: 'form.addressText',
  provinceCode: 'form.province',
  communeCode: 'form.commune',
  unitListVersion: 'form.commune'
}
