import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { registration, testServices } from '../../support/fixtures'
import { startBhxhGateway, type BhxhGatewayServer } from '../../harness/bhxh-gateway/server'
import { createBhxhGateway, type BhxhGateway } from '../../../core/bhyt/gateway-client'
import { createBhytChecker } from '../../../core/bhyt/card-check'
import { checkAndRecord, recheckDue } from '../../../core/bhyt/visit-checks'
import { countBhytChecks, currentBhytCheck } from '../../../db/bhyt-checks'
import type { Services } from '../../../core'

const CLERK = { fullName: 'Trần Thị Lễ Tân', idNumber: '022190001111' }
let gw: BhxhGatewayServer
let client: BhxhGateway
let services: Services
let cleanup: () => void
let now = Date.parse('2026-12-02T01:00:00Z')

beforeEach(async () => {
  ;({ services, cleanup } = testServices())
  gw = await startBhxhGateway({
    cards: {
      '022195001234': {
        hoTen: 'Nguyễn Thị Hồng Nhung',
        ngaySinh: '14/03/1995',
        fields: {
          maThe: 'GD4222221234567',
          maDKBD: '22001',
          gtTheTu: '01/01/2026',
          gtTheDen: '31/12/2026',
          maKV: 'K1'
        }
      }
    }
  })
  client = createBhxhGateway({ url: gw.url, username: '22001_BV', password: 'mat-khau-thu' })
})
afterEach(async () => {
  client.close()
  await gw.close()
  cleanup()
})

function saveVisit(): { visitId: string; patientId: string } {
  const r = services.register(registration())
  return { visitId: r.visitId, patientId: r.patientId }
}

describe('BHYT checks kept with the visit', () => {
  it('a dead gateway saves the visit with the card unverified, records the outage, and re-checks it later', async () => {
    const deps = {
      db: services.db,
      checker: createBhytChecker({ gateway: client, now: () => now }),
      now: () => now
    }
    const { visitId, patientId } = saveVisit()
    gw.setMode('dead')
    const first = await checkAndRecord(deps, {
      cardKey: '022195001234',
      fullName: 'Nguyễn Thị Hồng Nhung',
      dateOfBirth: '1995-03-14',
      clerk: CLERK,
      visitId,
      patientId
    })
    expect(first.result).toMatchObject({ status: 'unverified', usable: false, action: 'retry-later' })
    const stored = currentBhytCheck(services.db, visitId)!
    expect(stored.status).toBe('unverified')
    expect(JSON.parse(stored.outageJson!)).toMatchObject({
      code: 'BHXH_UNAVAILABLE',
      at: new Date(now).toISOString()
    })

    // Still down: nothing due yet, then one attempt only, postponed.
    expect(await recheckDue(deps)).toEqual({ rechecked: 0, stillUnverified: 0 })
    now += 6 * 60_000
    expect(await recheckDue(deps)).toEqual({ rechecked: 0, stillUnverified: 1 })
    expect(currentBhytCheck(services.db, visitId)!.status).toBe('unverified')

    // The gateway answers again: the visit's current check is verified, the outage stays in history.
    gw.setMode('ok')
    now += 61 * 60_000
    expect(await recheckDue(deps)).toEqual({ rechecked: 1, stillUnverified: 0 })
    const current = currentBhytCheck(services.db, visitId)!
    expect(current.status).toBe('verified')
    expect(JSON.parse(current.resultJson!)).toMatchObject({
      card: { cardNumber: 'GD4222221234567', registeredFacility: '22001' }
    })
    expect(JSON.parse(current.rawJson!)).toMatchObject({ maKetQua: '000' })
    expect(countBhytChecks(services.db, '2026-01-01', '2027-01-01')).toEqual({
      verified: 1,
      refused: 0,
      unverified: 0
    })
  })

  it('before a visit is sent, its unverified check is re-run even if its timer is not due', async () => {
    const deps = {
      db: services.db,
      checker: createBhytChecker({ gateway: client, now: () => now }),
      now: () => now
    }
    const { visitId, patientId } = saveVisit()
    gw.setMode('dead')
    await checkAndRecord(deps, {
      cardKey: '022195001234',
      fullName: 'Nguyễn Thị Hồng Nhung',
      dateOfBirth: '1995-03-14',
      clerk: CLERK,
      visitId,
      patientId
    })
    gw.setMode('ok')
    expect(await recheckDue(deps, { visitIds: [visitId] })).toEqual({ rechecked: 1, stillUnverified: 0 })
    expect(currentBhytCheck(services.db, visitId)!.status).toBe('verified')
  })
})
