import { collectDiagnostics, formatDiagnostics, type Diagnostics } from '../../core/diagnostics/diagnostics'
import type { Command } from '../context'

/** reception diagnostics: versions, config without secrets, queue counts, devices, recent errors (for IT). */
export const diagnostics: Command = (ctx) => {
  ctx.out.result(collectDiagnostics(ctx.services()), (d: Diagnostics) => formatDiagnostics(d))
}
