import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { blobEnvironmentHelp, blobOptionsFromEnvironment } from './blobs/config';
import { openRelayDatabase } from './db/open';
import { createRelay } from './server';
import { loadSecretBox } from './telephony/secret-box';

// `npm run relay` (tsx src-relay/main.ts). With no configuration: embedded PGlite in a data
// folder. With DATABASE_URL: PostgreSQL, where several relay processes can run side by side
// behind a load balancer.

const usage = `Usage: npm run relay -- [--port 8787] [--host 127.0.0.1] [--data-dir ./.fieldbook-relay] [--blob-dir DIR]

  --port       PORT to listen on (env PORT; default 8787; 0 picks a free one)
  --host       address to bind (env FIELDBOOK_RELAY_HOST; default 127.0.0.1, only this computer;
               0.0.0.0 serves a team on the network, put TLS in front of it)
  --data-dir   folder of the embedded database (env FIELDBOOK_RELAY_DATA_DIR;
               default ./.fieldbook-relay under the current folder)
  --blob-dir   folder of file contents when no S3 bucket is set (env FIELDBOOK_RELAY_BLOB_DIR;
               default: blobs/ inside the data folder)

  DATABASE_URL=postgres://user:password@host/db   use PostgreSQL instead of the embedded database
  FIELDBOOK_RELAY_ALLOWED_ORIGINS=https://a,https://b   browser origins allowed on /v1/live
  FIELDBOOK_RELAY_OPTIMISE_WASM=1   compile the embedded database with V8's optimising compiler too:
               faster under heavy load, ~100 MB more memory (default: its baseline compiler only)
  FIELDBOOK_RELAY_SECRET_KEY=<32 bytes, base64>   seals the phone line's Twilio credentials (required with
               DATABASE_URL; the embedded database keeps a key file in its folder instead)

${blobEnvironmentHelp}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'blob-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const portText = values.port ?? process.env.PORT ?? '8787';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new Error(`The port must be a number from 0 to 65535, not "${portText}".`);
  const host = values.host ?? process.env.FIELDBOOK_RELAY_HOST ?? '127.0.0.1';
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = path.resolve(values['data-dir'] ?? process.env.FIELDBOOK_RELAY_DATA_DIR ?? '.fieldbook-relay');

  const logError = (error: Error) =>
    console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', message: error.message }));
  if (!databaseUrl) fs.mkdirSync(dataDir, { recursive: true });
  // The embedded database is PostgreSQL compiled to WebAssembly. V8 compiles it first with its
  // baseline compiler (Liftoff), then recompiles hot functions with its optimising one in the
  // background, which holds ~100 MB more at idle (measured in BENCHMARKS.md, "The relay's idle
  // memory"): too much for a 1 GB server. Set before the module is compiled (db/pglite.ts is loaded
  // on first use, below).
  if (!databaseUrl && process.env.FIELDBOOK_RELAY_OPTIMISE_WASM !== '1') v8.setFlagsFromString('--liftoff-only');
  const database = await openRelayDatabase(databaseUrl ? { databaseUrl, onError: logError } : { dataDir });
  const allowedOrigins = (process.env.FIELDBOOK_RELAY_ALLOWED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
  const secretBox = loadSecretBox(process.env, databaseUrl ? null : dataDir);
  const blobs = await blobOptionsFromEnvironment(process.env, values['blob-dir'] ?? process.env.FIELDBOOK_RELAY_BLOB_DIR ?? path.join(dataDir, 'blobs'));
  const relay = await createRelay({ database, port, host, allowedOrigins, blobs, telephony: { ...(secretBox ? { secretBox } : {}) } });
  console.log(`Fieldbook relay listening on ${relay.url} (database: ${database.description})`);
  console.log(`Files are kept in the ${blobs.store.description}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await relay.close();
    await blobs.store.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`The relay could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
