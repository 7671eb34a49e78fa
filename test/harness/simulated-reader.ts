// One call for suites that need "a reader with a card" (e2e, orchestrator, CLI tests): a private pcscd stack
// plus fixture cards to put on and take off it. Set `env` in the process that will open PC/SC contexts.
import { type FixtureName, fixtureCard } from './fixtures'
import { type PcscStack, startStack, stopStack } from './stack'
import { type ChipFaults, EmrtdChip, VpcdCard, type VpcdCardOptions } from './virtual-chip'

export interface SimulatedReader {
  stack: PcscStack
  /** Environment for a child process (app, CLI) that should use this reader. */
  env: { PCSCLITE_CSOCK_NAME: string }
  /** Puts a fixture card on the reader (replacing any card there); resolves once vpcd has it. */
  insert(name: FixtureName, faults?: ChipFaults, link?: Omit<VpcdCardOptions, 'port'>): Promise<VpcdCard>
  /** Takes the current card off (no-op without one). */
  remove(): Promise<void>
  /** Stops pcscd first, then removes the card (the order the harness doc asks for). */
  stop(): Promise<void>
}

export async function startSimulatedReader(
  opts: { dir?: string; setEnv?: boolean } = {}
): Promise<SimulatedReader> {
  const stack = await startStack({ ...(opts.dir ? { dir: opts.dir } : {}), setEnv: opts.setEnv ?? false })
  let card: VpcdCard | null = null
  const remove = async () => {
    const c = card
    card = null
    await c?.remove()
  }
  return {
    stack,
    env: { PCSCLITE_CSOCK_NAME: stack.socketPath },
    insert: async (name, faults, link = {}) => {
      await remove()
      const fixture = await fixtureCard(name)
      card = new VpcdCard(new EmrtdChip(fixture.chipOptions(faults)), { ...link, port: stack.port })
      await card.insert()
      return card
    },
    remove,
    stop: async () => {
      await stopStack(stack)
      await remove()
    }
  }
}
