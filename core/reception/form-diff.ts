import type { PatientForm } from '../../contract/patient'

/** Names of the form fields that differ (dotted for nested ones): what a re-scan or an edit changed. */
export function diffForms(before: PatientForm, after: PatientForm): string[] {
  const changes: string[] = []
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)])
      for (const k of keys)
        walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k)
      return
    }
    if ((a ?? null) !== (b ?? null)) changes.push(path)
  }
  walk(before, after, '')
  return changes
}
