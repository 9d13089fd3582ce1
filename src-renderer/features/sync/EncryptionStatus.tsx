import { Badge } from '../../ui/Badge';

/**
 * Whether what this laptop syncs is sealed end to end, and with which key epoch (a new one after
 * each member removed: docs/end-to-end-encryption.md).
 */
export function EncryptionStatus({ keyEpoch }: { keyEpoch: number | null }) {
  if (keyEpoch === null) {
    return <span className="sync-details__detail">Not sealed yet: the workspace key is made or received at the next sync.</span>;
  }
  return (
    <span>
      Secured end to end <Badge tone="success">Key {keyEpoch}</Badge>
    </span>
  );
}
