import { useEffect, useState } from 'react'
import type { CatalogEntry, CatalogKind } from '../../contract/api'
import { bridge } from './bridge'

/** A catalog list (ethnicity, provinces, communes of a province…); empty until loaded or when absent. */
export function useCatalog(kind: CatalogKind, parent: string | null = null, enabled = true): CatalogEntry[] {
  const [entries, setEntries] = useState<CatalogEntry[]>([])
  useEffect(() => {
    if (!enabled) return
    let live = true
    void bridge.call('catalogs:list', { kind, parent }).then((r) => {
      if (live) setEntries(r.ok ? r.value : [])
    })
    return () => {
      live = false
    }
  }, [kind, parent, enabled])
  return enabled ? entries : []
}
