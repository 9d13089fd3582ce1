import { createHash } from 'node:crypto';
import type { Sqlite } from '../db/open';
import type { MutationEngine } from '../writes/mutation-engine';
import { analyseTranscript } from './transcript-analysis';

// Keeps call_analysis (sentiment, keywords) and calls_fts (the transcript's words) in step with
// the calls rows, inside the transaction that wrote them, like the contacts' search index. A
// transcript analysed before is not analysed again unless it changed.

export function indexCallTranscripts(sqlite: Sqlite, engine: MutationEngine): void {
  const readCall = sqlite.prepare<[string], { transcript: string; cl: number }>('SELECT transcript, cl FROM calls WHERE id = ?');
  const readAnalysis = sqlite.prepare<[string], { search_rowid: number; transcript_sha256: string }>(
    'SELECT search_rowid, transcript_sha256 FROM call_analysis WHERE call_id = ?',
  );
  const nextRowid = sqlite.prepare<[], { next: number }>('SELECT COALESCE(MAX(search_rowid), 0) + 1 AS next FROM call_analysis');
  const upsert = sqlite.prepare(
    `INSERT INTO call_analysis (call_id, search_rowid, sentiment, keywords, transcript_sha256) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (call_id) DO UPDATE SET sentiment = excluded.sentiment, keywords = excluded.keywords, transcript_sha256 = excluded.transcript_sha256`,
  );
  const removeAnalysis = sqlite.prepare('DELETE FROM call_analysis WHERE call_id = ?');
  const removeText = sqlite.prepare('DELETE FROM calls_fts WHERE rowid = ?');
  const insertText = sqlite.prepare('INSERT INTO calls_fts (rowid, body) VALUES (?, ?)');

  engine.onRowsWritten((touched) => {
    for (const callId of touched.get('calls') ?? []) {
      const call = readCall.get(callId);
      const transcript = call && call.cl % 2 === 1 ? call.transcript.trim() : '';
      const known = readAnalysis.get(callId);
      if (!transcript) {
        if (known) {
          removeText.run(known.search_rowid);
          removeAnalysis.run(callId);
        }
        continue;
      }
      const sha256 = createHash('sha256').update(transcript).digest('hex');
      if (known?.transcript_sha256 === sha256) continue;
      const rowid = known?.search_rowid ?? nextRowid.get()!.next;
      const analysis = analyseTranscript(transcript);
      upsert.run(callId, rowid, analysis.sentiment, JSON.stringify(analysis.keywords), sha256);
      if (known) removeText.run(rowid);
      insertText.run(rowid, transcript);
    }
  });
}
