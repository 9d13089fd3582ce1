import path from 'node:path';
import { blobPartBytesDefault, maxBlobBytesDefault } from '../../src-shared/sync/blob-protocol';
import { FolderBlobStore } from './folder-store';
import type { BlobSettings } from './service';
import type { BlobStore } from './store';

// The relay's blob settings from its environment (`npm run relay`, see README.md). With no
// FIELDBOOK_RELAY_S3_BUCKET the blobs go to a folder beside the embedded database.

const dayMs = 24 * 60 * 60 * 1000;
const s3MinimumPartBytes = 5 * 1024 * 1024;

export const blobDefaults = {
  maxFileBytes: maxBlobBytesDefault,
  quotaBytes: null,
  partBytes: blobPartBytesDefault,
  graceMs: 7 * dayMs,
  staleUploadMs: 7 * dayMs,
} satisfies Omit<BlobSettings, 'store'>;

export type BlobOptions = Partial<Omit<BlobSettings, 'store'>> & { store: BlobStore };

export function resolveBlobSettings(options: BlobOptions): BlobSettings {
  const settings = { ...blobDefaults, ...options };
  if (settings.store.kind === 's3' && settings.partBytes < s3MinimumPartBytes) {
    throw new Error(`S3 needs upload parts of at least 5 MB; the part size is ${settings.partBytes} bytes.`);
  }
  return settings;
}

export const blobEnvironmentHelp = `  Files (blob store; default: a folder beside the database, or --blob-dir):
  FIELDBOOK_RELAY_S3_BUCKET=name          keep files in this S3 bucket instead
  FIELDBOOK_RELAY_S3_REGION=eu-west-1     its region (or AWS_REGION; default us-east-1)
  FIELDBOOK_RELAY_S3_ENDPOINT=https://…   an S3-compatible service (MinIO, B2, R2, Wasabi)
  FIELDBOOK_RELAY_S3_FORCE_PATH_STYLE=1   bucket in the path (MinIO and most self-hosted services)
  FIELDBOOK_RELAY_S3_PREFIX=fieldbook/    prefix of every object name
  credentials: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or the instance's role
  FIELDBOOK_RELAY_MAX_FILE_MB=100         largest file accepted
  FIELDBOOK_RELAY_QUOTA_MB=5000           most storage per workspace (default: no limit)
  FIELDBOOK_RELAY_BLOB_GRACE_DAYS=7       days unreferenced files are kept before removal`;

type Environment = Record<string, string | undefined>;

export async function blobOptionsFromEnvironment(environment: Environment, blobDir: string): Promise<BlobOptions> {
  const bucket = environment.FIELDBOOK_RELAY_S3_BUCKET?.trim();
  // The AWS SDK is large: loaded only by a relay that uses S3, so the default relay starts fast.
  const store: BlobStore = bucket
    ? new (await import('./s3-store')).S3BlobStore({
        bucket,
        region: environment.FIELDBOOK_RELAY_S3_REGION ?? environment.AWS_REGION ?? 'us-east-1',
        ...(environment.FIELDBOOK_RELAY_S3_ENDPOINT ? { endpoint: environment.FIELDBOOK_RELAY_S3_ENDPOINT } : {}),
        forcePathStyle: /^(1|true|yes)$/i.test(environment.FIELDBOOK_RELAY_S3_FORCE_PATH_STYLE ?? ''),
        prefix: environment.FIELDBOOK_RELAY_S3_PREFIX ?? '',
      })
    : new FolderBlobStore(path.resolve(blobDir));
  const megabytes = (name: string) => positiveNumber(environment, name, (value) => Math.round(value * 1024 * 1024));
  const maxFileBytes = megabytes('FIELDBOOK_RELAY_MAX_FILE_MB');
  const quotaBytes = megabytes('FIELDBOOK_RELAY_QUOTA_MB');
  const graceMs = positiveNumber(environment, 'FIELDBOOK_RELAY_BLOB_GRACE_DAYS', (value) => value * dayMs);
  return {
    store,
    ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
    ...(quotaBytes !== undefined ? { quotaBytes } : {}),
    ...(graceMs !== undefined ? { graceMs } : {}),
  };
}

function positiveNumber(environment: Environment, name: string, convert: (value: number) => number): number | undefined {
  const text = environment[name];
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${text}".`);
  return convert(value);
}
