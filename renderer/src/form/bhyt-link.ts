/**
 * The BHYT check the next registration carries (patients:register bhytCheckId): the BHYT section sets it, the
 * form's save reads it. A holder rather than a field of the reception state, so the shared form model stays as is.
 */
let current: number | null = null

export const bhytLink = {
  set(checkId: number | null): void {
    current = checkId
  },
  checkId(): number | null {
    return current
  }
}
