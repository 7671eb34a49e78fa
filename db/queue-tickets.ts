import type { PriorityClass, QueueTicket } from '../contract/desk'
import type { Db } from './db-type'

const COLUMNS = 'visit_id AS visitId, day, queue, number, priority, issued_at AS issuedAt'

export function ticketForVisit(db: Db, visitId: string): QueueTicket | null {
  return (
    (db.prepare(`SELECT ${COLUMNS} FROM queue_tickets WHERE visit_id = ?`).get(visitId) as
      QueueTicket | undefined) ?? null
  )
}

/**
 * The visit's number for the day and queue: the next one, or the one it already has (a second press of "print"
 * never takes a new number). One transaction, so two desks writing one database cannot draw the same number.
 */
export function issueTicket(
  db: Db,
  t: { visitId: string; day: string; queue: string; priority: PriorityClass | null; issuedAt: string }
): QueueTicket {
  return db
    .transaction(() => {
      const existing = ticketForVisit(db, t.visitId)
      if (existing) return existing
      const { next } = db
        .prepare(`SELECT COALESCE(MAX(number), 0) + 1 AS next FROM queue_tickets WHERE day = ? AND queue = ?`)
        .get(t.day, t.queue) as { next: number }
      db.prepare(
        `INSERT INTO queue_tickets (visit_id, day, queue, number, priority, issued_at) VALUES (?, ?, ?, ?, ?, ?)`
      ).run(t.visitId, t.day, t.queue, next, t.priority, t.issuedAt)
      return {
        visitId: t.visitId,
        day: t.day,
        queue: t.queue,
        number: next,
        priority: t.priority,
        issuedAt: t.issuedAt
      }
    })
    .immediate()
}

/** What a slip prints besides the ticket: the visit's time and service, the patient's name and code (MA_BN). */
export interface SlipRow {
  visitId: string
  visitedAt: string
  serviceType: string
  department: string | null
  patientName: string
  patientCode: string
  dateOfBirth: string
  sex: string
}

export function slipRow(db: Db, visitId: string): SlipRow | null {
  return (
    (db
      .prepare(
        `SELECT v.id AS visitId, v.visited_at AS visitedAt, v.service_type AS serviceType, v.department,
                p.full_name AS patientName, p.code AS patientCode, p.date_of_birth AS dateOfBirth, p.sex
         FROM visits v JOIN patients p ON p.id = v.patient_id WHERE v.id = ?`
      )
      .get(visitId) as SlipRow | undefined) ?? null
  )
}
