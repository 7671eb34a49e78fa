/** Age in whole years on `today` from a YYYY-MM-DD / YYYY-MM / YYYY birth date (unknown parts count as 1 January). */
export function ageInYears(dateOfBirth: string, today: Date): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(dateOfBirth)
  if (!m) return null
  const y = Number(m[1])
  const mo = Number(m[2] ?? '1')
  const d = Number(m[3] ?? '1')
  let age = today.getFullYear() - y
  if (today.getMonth() + 1 < mo || (today.getMonth() + 1 === mo && today.getDate() < d)) age--
  return age
}
