import { checkChange, type ChangeVerdict } from '../../src-shared/sync/change-contract';
import { isSealedValue } from '../../src-shared/sync/sealing';

/**
 * The contract as the relay can apply it: a sealed value cannot be checked here (laptops check
 * it once opened), so only a change's plain fields (`cl`) are held to the contract. A change of
 * sealed values only was shaped by the protocol's schema already (clock, row id, author).
 */
export function checkChangeAtRelay(change: Parameters<typeof checkChange>[0]): ChangeVerdict {
  // Most changes hold no sealed value: checked as they are, without copying their fields.
  if (!Object.values(change.fields).some(isSealedValue)) return checkChange(change);
  const plain = Object.fromEntries(Object.entries(change.fields).filter(([, value]) => !isSealedValue(value)));
  if (Object.keys(plain).length === 0) return { kind: 'valid' };
  const verdict = checkChange({ ...change, fields: plain });
  return verdict.kind === 'invalid' ? verdict : { kind: 'valid' };
}
