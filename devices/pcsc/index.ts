// PC/SC reader manager: the public surface for core and the CLI.
export { ReaderManager } from './manager'
export type {
  CardSession,
  ConnectOptions,
  ManagerState,
  ReaderInfo,
  ReaderManagerEvents,
  ReaderManagerOptions
} from './manager'
export type { PcscBackend, PcscCardHandle, PcscContext, PcscReaderState } from './backend'
export { ReaderFlags } from './backend'
export { mapPcscError, pcscError } from './errors'
export { chooseReader } from './reader-choice'
export { transmitApdu, withLe } from './transmit'
export type { RawTransmit } from './transmit'
export { socketEnvValue } from './socket-env'
