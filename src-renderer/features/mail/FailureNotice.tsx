import { Notice } from '../../ui/Notice';

/** Why the last action on a mail screen failed, read out at once; nothing when it did not. */
export function FailureNotice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Notice tone="danger" role="alert">
      {message}
    </Notice>
  );
}
