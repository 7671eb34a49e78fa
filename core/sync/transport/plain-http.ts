/**
 * When a target may be reached over plain http:// (docs/adr/0017): only on this machine (loopback), unless IT
 * allowed it for the facility's network in the machine config (`sync.allowPlainHttp`). Anything else would
 * send the bearer token and patient data in clear across the network.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

/** Null when the URL may be used; otherwise its host, for the message that says why not. */
export function plainHttpRefusal(url: string, allowPlainHttp: boolean): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'http:' || allowPlainHttp || isLoopbackHost(parsed.hostname)) return null
  return parsed.hostname
}

/**
 * Environment variables that would weaken TLS verification for every Node request. The sync client pins its
 * own trust (rejectUnauthorized: true, an explicit CA list), so these have no effect on it; they are reported
 * so IT learns someone tried.
 */
export function ignoredTlsEnvironment(env: NodeJS.ProcessEnv = process.env): string[] {
  const out: string[] = []
  if (env.NODE_TLS_REJECT_UNAUTHORIZED !== undefined && env.NODE_TLS_REJECT_UNAUTHORIZED !== '1')
    out.push('NODE_TLS_REJECT_UNAUTHORIZED')
  for (const name of ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'SSL_CERT_DIR'] as const)
    if (env[name]) out.push(name)
  return out
}
