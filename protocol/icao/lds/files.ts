/** LDS1 elementary files of the eMRTD application (ICAO 9303-10): FID, short EF identifier, tag. */

export interface LdsFile {
  fid: number
  sfi: number
  /** Outer tag of the file's content. */
  tag: number
  /** Name used in messages and logs (no personal data). */
  label: string
  /** Data group number, for DGs. */
  dg?: number
}

function dg(n: number, tag: number): LdsFile {
  return { fid: 0x0100 + n, sfi: n, tag, label: `DG${n}`, dg: n }
}

export const LDS_FILES = {
  CARD_ACCESS: { fid: 0x011c, sfi: 0x1c, tag: 0x31, label: 'EF.CardAccess' },
  COM: { fid: 0x011e, sfi: 0x1e, tag: 0x60, label: 'EF.COM' },
  SOD: { fid: 0x011d, sfi: 0x1d, tag: 0x77, label: 'EF.SOD' },
  DG1: dg(1, 0x61),
  DG2: dg(2, 0x75),
  DG3: dg(3, 0x63),
  DG4: dg(4, 0x76),
  DG5: dg(5, 0x65),
  DG6: dg(6, 0x66),
  DG7: dg(7, 0x67),
  DG8: dg(8, 0x68),
  DG9: dg(9, 0x69),
  DG10: dg(10, 0x6a),
  DG11: dg(11, 0x6b),
  DG12: dg(12, 0x6c),
  DG13: dg(13, 0x6d),
  DG14: dg(14, 0x6e),
  DG15: dg(15, 0x6f),
  DG16: dg(16, 0x70)
} as const satisfies Record<string, LdsFile>

const DG_TAGS = [
  0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x70
]

/** Data group number for an LDS tag (0x61 → 1, 0x75 → 2, …), undefined for unknown tags. */
export function dataGroupForTag(tag: number): number | undefined {
  const i = DG_TAGS.indexOf(tag)
  return i < 0 ? undefined : i + 1
}

/** The LdsFile of data group `n` (1–16). */
export function dataGroupFile(n: number): LdsFile {
  const tag = DG_TAGS[n - 1]
  if (!Number.isInteger(n) || tag === undefined) throw new RangeError(`no data group ${n}`)
  return dg(n, tag)
}
