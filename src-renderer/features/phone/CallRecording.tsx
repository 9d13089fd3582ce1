import { useEffect, useState } from 'react';
import { sentimentLabel } from '../../../src-shared/domain/telephony';
import { api, describeError } from '../../api';
import { Badge } from '../../ui/Badge';
import { Notice } from '../../ui/Notice';
import { formatDuration, sentimentTone, sentimentWords } from './phone-format';
import './phone.css';

// A phone line call's recording and transcript, as the call panel and the calls desk's drawer show them.

/** The recording, copied from the relay on first opening; the browser's player seeks. */
export function RecordingPlayer({ callId, seconds }: { callId: string; seconds: number }) {
  const [source, setSource] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    api.invoke('phone.recording', { callId }).then(
      (recording) => current && setSource(api.fileUrl(recording.sha256)),
      (error: unknown) => current && setProblem(describeError(error)),
    );
    return () => {
      current = false;
    };
  }, [callId]);
  if (problem) return <Notice tone="warning">The recording could not be fetched: {problem}</Notice>;
  return (
    <section aria-label="Recording" className="call-panel__recording">
      <h3>Recording · {formatDuration(seconds)}</h3>
      {source ? <audio controls preload="metadata" src={source} aria-label="Call recording" /> : <p className="muted">Fetching the recording…</p>}
    </section>
  );
}

/** What was said, with its mood and the words that stood out. */
export function CallTranscript({ transcript, sentiment, keywords }: { transcript: string; sentiment: number | null; keywords: readonly string[] }) {
  return (
    <section aria-label="Transcript" className="call-panel__transcript">
      <h3>
        Transcript {sentiment !== null ? <Badge tone={sentimentTone(sentiment)}>{sentimentWords[sentimentLabel(sentiment)]}</Badge> : null}
      </h3>
      <p>{transcript}</p>
      {keywords.length > 0 ? <div className="call-panel__keywords meta">Keywords: {keywords.join(', ')}</div> : null}
    </section>
  );
}
