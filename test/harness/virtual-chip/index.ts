// Library entry of the virtual ICAO 9303 chip: build a fixture card and put it in a vpcd reader.
import { type FixtureName, fixtureCard } from '../fixtures'
import { type ChipFaults, EmrtdChip } from './chip'
import { VpcdCard, type VpcdCardOptions } from './vpcd-card'

export { EmrtdChip, SW, EMRTD_AID, DEFAULT_ATR } from './chip'
export type { ChipFaults, ChipOptions } from './chip'
export { VpcdCard } from './vpcd-card'
export { chipOptionsFromFolder, mrzInfoFromDg1 } from './folder'
export type { VpcdCardOptions } from './vpcd-card'

/** A fixture card, not yet inserted: call insert()/remove() from tests. */
export async function virtualCard(
  name: FixtureName,
  link: VpcdCardOptions,
  faults?: ChipFaults
): Promise<VpcdCard> {
  const fixture = await fixtureCard(name)
  return new VpcdCard(new EmrtdChip(fixture.chipOptions(faults)), link)
}
