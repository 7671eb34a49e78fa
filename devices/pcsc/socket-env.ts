// Which pcscd socket libpcsclite will use (it reads PCSCLITE_CSOCK_NAME once, at the first context).

/**
 * The PCSCLITE_CSOCK_NAME value to use: an explicit socket path wins; an empty value is dropped,
 * because libpcsclite would fail with "Service not available" instead of using the default socket.
 */
export function socketEnvValue(current: string | undefined, socketPath?: string | null): string | undefined {
  if (socketPath) return socketPath
  return current === '' ? undefined : current
}
