import type { Identity } from '../../contract/identity'
import type { PatientForm } from '../../contract/patient'
import { AppError } from '../../contract/errors'
import { tidyText } from '../text/fold'

/**
 * The form fields an identity fills directly, before MoH coding. Dates and sex are required by the form:
 * an identity without them cannot be registered unattended (the clerk completes them on screen).
 */
export function formFromIdentity(identity: Identity): PatientForm {
  if (!identity.dateOfBirth || !identity.sex) {
    throw new AppError(
      'VALIDATION',
      'Thông tin thẻ thiếu ngày sinh hoặc giới tính; hãy bổ sung trên màn hình tiếp đón.',
      'Identity lacks date of birth or sex'
    )
  }
  return {
    fullName: tidyText(identity.fullName),
    dateOfBirth: identity.dateOfBirth,
    sex: identity.sex,
    idNumber: identity.idNumber,
    oldIdNumber: identity.oldIdNumber,
    bhytCardNumber: null,
    ethnicityCode: null,
    nationalityCode: null,
    occupationCode: null,
    address: {
      text: tidyText(identity.placeOfResidence ?? ''),
      provinceCode: null,
      communeCode: null,
      unitListVersion: null
    },
    phone: null,
    guardian: null,
    cardDetails: {
      ethnicityText: identity.ethnicity,
      religion: identity.religion,
      placeOfOrigin: identity.placeOfOrigin,
      identifyingFeatures: identity.identifyingFeatures,
      fatherName: identity.fatherName,
      motherName: identity.motherName,
      spouseName: identity.spouseName,
      issueDate: identity.issueDate,
      expiryDate: identity.expiryDate,
      noExpiry: identity.noExpiry
    }
  }
}
