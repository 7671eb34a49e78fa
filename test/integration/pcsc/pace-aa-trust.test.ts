// `reception read` over the real PC/SC stack (pcscd + vpcd + virtual chip): PACE with the CAN and with a QR,
// a wrong CAN, Active and Chip Authentication on a genuine chip and on a clone, and the three-state trust mark before
// and after IT imports the signer's CSCA (ADR 0018).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../../cli/index'
import type { ReaderManager } from '../../../devices/pcsc'
import { type FixtureCard, type FixtureName, fixtureCard } from '../../harness/fixtures'
import { testPki } from '../../harness/sod'
import { type PcscStack, stopStack } from '../../harness/stack'
import { type VirtualCardHandle, virtualCard } from '../../harness/virtual-chip'
import { nextEvent, startManagedStack, unavailable } from './helpers'

// The CLI's JSON output, read loosely by the assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test-only access to arbitrary JSON
type Json = Record<string, any>

/** The QR text printed on the card (field order of the CCCD QR). */
function qrOf(card: FixtureCard): string {
  const dmy = (d: string | null) => (d ? d.slice(8, 10) + d.slice(5, 7) + d.slice(0, 4) : '')
  const i = card.identity
  return [
    i.idNumber,
    i.oldIdNumber ?? '',
    i.fullName,
    dmy(i.dateOfBirth),
    i.sex === 'male' ? 'Nam' : 'Nữ',
    i.placeOfResidence,
    dmy(i.issueDate)
  ].join('|')
}

describe.skipIf(unavailable !== null)('reception read: PACE, anti-clone and trust over PC/SC', () => {
  let stack: PcscStack
  let manager: ReaderManager
  let current: VirtualCardHandle | null = null
  const dataDir = mkdtempSync(join(tmpdir(), 'reception-pace-'))

  beforeAll(async () => {
    ;({ stack, manager } = await startManagedStack())
  })

  afterAll(async () => {
    await manager?.stop()
    if (stack) await stopStack(stack)
    await current?.remove()
    rmSync(dataDir, { recursive: true, force: true })
  })

  async function cli(...args: string[]): Promise<{ code: number; out: Json }> {
    const chunks: string[] = []
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
      chunks.push(String(c))
      return true
    })
    try {
      const code = await runCli(['--data-dir', dataDir, '--json', ...args])
      return { code, out: JSON.parse(chunks.join('')) as Json }
    } finally {
      spy.mockRestore()
    }
  }

  async function withCard<T>(name: FixtureName, body: (card: FixtureCard) => Promise<T>): Promise<T> {
    const fixture = await fixtureCard(name)
    const card = await virtualCard(name, { port: stack.port })
    current = card
    const seen = nextEvent(manager, 'card-inserted', (r) => r.name === stack.readerName)
    await card.insert()
    await seen
    try {
      return await body(fixture)
    } finally {
      const gone = nextEvent(manager, 'card-removed', (r) => r.name === stack.readerName)
      await card.remove()
      await gone
      current = null
    }
  }

  it('opens a PACE-only card with --can, and refuses a wrong CAN with ACCESS_DENIED (PACE)', async () => {
    await withCard('pace-only', async (card) => {
      const ok = await cli('read', '--can', card.identity.idNumber!.slice(6), '--no-photo')
      expect(ok.code).toBe(0)
      expect(ok.out.identity).toMatchObject({
        idNumber: card.identity.idNumber,
        fullName: card.identity.fullName
      })
      expect(ok.out.chip).toMatchObject({ accessControl: 'PACE', protocol: 'PACE-ECDH-GM-AES-128' })
      const wrong = await cli('read', '--can', '999999', '--no-photo')
      expect(wrong.code).not.toBe(0)
      expect(wrong.out.error).toMatchObject({ code: 'ACCESS_DENIED', details: { protocol: 'PACE' } })
    })
  })

  it('opens a PACE-only card from its QR (the CAN is the last 6 digits of the ID)', async () => {
    await withCard('pace-only', async (card) => {
      const r = await cli('read', '--qr', qrOf(card))
      expect(r.code).toBe(0)
      expect(r.out.chip.accessControl).toBe('PACE')
      expect(r.out.photo).toMatchObject({ mime: 'image/jpeg' })
    })
  })

  it('shows Active Authentication valid on the genuine chip', async () => {
    await withCard('aa-genuine', async (card) => {
      const r = await cli('read', '--can', card.identity.idNumber!.slice(6), '--no-photo')
      expect(r.code).toBe(0)
      expect(r.out.chip.activeAuthentication).toEqual({ status: 'valid', algorithm: 'RSA-ISO9796-2-SHA1' })
      expect(r.out.chip.chipAuthentication).toEqual({ status: 'valid', algorithm: 'CA-ECDH-AES-128' })
      expect(r.out.chip.passiveAuthentication.status).toBe('valid')
    })
  })

  it('catches the clone (same files, not the private key): CLONE_SUSPECTED, non-zero exit', async () => {
    await withCard('aa-clone', async (card) => {
      const r = await cli('read', '--can', card.identity.idNumber!.slice(6), '--no-photo')
      expect(r.code).not.toBe(0)
      expect(r.out.error.code).toBe('CLONE_SUSPECTED')
      expect(r.out.error.details.chip.activeAuthentication.status).toBe('invalid')
      expect(r.out.error.details.chip.chipAuthentication.status).toBe('invalid')
      // The copied data itself is intact: passive authentication alone would have passed it.
      expect(r.out.error.details.chip.passiveAuthentication.status).toBe('valid')
    })
  })

  it("marks an unknown signer 'intact' until IT imports its CSCA, then 'verified'", async () => {
    await withCard('unknown-signer', async (card) => {
      const id = card.identity
      const args = [
        'read',
        '--id',
        id.idNumber!,
        '--dob',
        id.dateOfBirth!,
        '--expiry',
        id.expiryDate!,
        '--no-photo'
      ]
      const before = await cli(...args)
      expect(before.code).toBe(0)
      // Earlier cards in this data folder were signed under the national test CSCA: this issuer is new.
      expect(before.out.chip).toMatchObject({ accessControl: 'BAC', trust: 'intact', newSignerIssuer: true })
      expect(before.out.chip.trustMessage).toMatch(/chưa xác minh được người ký/)
      const file = join(dataDir, 'csca.der')
      writeFileSync(file, (await testPki('homemade')).cscaCertDer)
      const imported = await cli('trust', 'import', file)
      expect(imported.out).toMatchObject({ found: 1, added: 1 })
      const after = await cli(...args)
      expect(after.out.chip).toMatchObject({ trust: 'verified' })
      const list = await cli('trust', 'list')
      expect(list.out.cscas).toHaveLength(1)
      const issuers = (list.out.signersSeen as { issuer: string }[]).map((x) => x.issuer)
      expect(issuers.some((i) => i.includes('CSCA Home-made'))).toBe(true)
    })
  })
})
