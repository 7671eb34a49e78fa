/** USB vendor ids of barcode/QR scanner makers, for port auto-selection and diagnostics. */
export const scannerVendors: Readonly<Record<number, string>> = {
  0x0c2e: 'Honeywell',
  0x05e0: 'Zebra',
  0x1eab: 'Newland',
  0x05f9: 'Datalogic',
  0x065a: 'Opticon'
}

/** The maker's name for a vendor id given as a number or a hex string ("0c2e"), or undefined. */
export function scannerVendorName(vendorId: number | string | undefined): string | undefined {
  if (vendorId === undefined) return undefined
  const id = typeof vendorId === 'number' ? vendorId : Number.parseInt(vendorId, 16)
  return Number.isNaN(id) ? undefined : scannerVendors[id]
}
