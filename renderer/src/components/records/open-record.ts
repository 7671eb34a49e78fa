import { useEffect } from 'react'
import type { PatientRecord } from '../../../../contract/patient'

/**
 * "Mở hồ sơ đó" from anywhere on the desk. App owns which record the form shows and registers how to open one;
 * a registry rather than a context provider so App's tree (edited by several people) keeps its shape.
 */
let openHandler: ((record: PatientRecord) => void) | null = null

export function useProvideOpenRecord(open: (record: PatientRecord) => void): void {
  useEffect(() => {
    openHandler = open
    return () => {
      if (openHandler === open) openHandler = null
    }
  }, [open])
}

export const useOpenRecord = (): ((record: PatientRecord) => void) => (record) => openHandler?.(record)
