// The relay: an HTTP + WebSocket server over PGlite or PostgreSQL. The wire protocol
// is src-shared/sync/protocol.ts; the command-line entry is main.ts.
export { createRelay, type Relay, type RelayLogger, type RelayOptions } from './server';
export { openRelayDatabase, type RelayDatabase, type RelayDatabaseConfig } from './db/open';
