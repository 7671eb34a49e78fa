// Library entry of the virtual ICAO 9303 chip: build a fixture card and put it in a vpcd reader.
import { type FixtureName, fixtureCard } from '../fixtures'
import { type ChipFaults, EmrtdChip } from './chip'
import { VpcdCard, type VpcdCardOptions } from './vpcd-card'

export { EmrtdChip, SW, EMRTD_AID, DEFAULT_ATR } from './chip'
export type { ChipFaults, ChipOptions } from './chip'
export { VpcdCard } from './vpcd-card'
export { chipOptionsFromFolder, mrzInfoFromDg1 } from './folder'
export type { VpcdCardOptions } from './vpcd-card'
export { VirtualCardHandle } from './threaded-card'
import { VirtualCardHandle } from './threaded-card'

/**
 * A fixture card, not yet inserted: call insert()/remove() from tests. It runs on its own thread, so a test process
 * that blocks in a PC/SC call (SCardDisconnect waits for pcscd, which may wait for the card) cannot deadlock it.
 */
export async function virtualCard(
  name: FixtureName,
  link: Omit<VpcdCardOptions, 'onApdu'>,
  faults?: ChipFaults
): Promise<VirtualCardHandle> {
  const fixture = await fixtureCard(name)
  const card = new VirtualCardHandle({ chip: fixture.chipOptions(faults), link })
  await card.ready
  return card
}

/** The same card on the caller's own event loop (CLI demo, unit tests without PC/SC). */
export async function inProcessVirtualCard(
  name: FixtureName,
  link: VpcdCardOptions,
  faults?: ChipFaults
): Promise<VpcdCard> {
  const fixture = await fixtureCard(name)
  return new VpcdCard(new EmrtdChip(fixture.chipOptions(faults)), link)
}
