import { emergencyKeywordIn } from '../../src-shared/domain/call-flags';
import type { Sqlite } from '../db/open';
import type { SettingsService } from '../settings/service';
import type { LocalState } from '../settings/local-state';
import type { MutationEngine } from '../writes/mutation-engine';

// Keeps each call's local emergency flags in step with its row, inside the transaction that wrote
// it — the phone line's call arriving through sync, a transcript coming later, notes typed at the
// desk — like the transcript index (src-main/phone/call-index.ts). `emergency_keyword` is the
// office's word the transcript or notes name; `urgent` (emergency ticked, or a keyword) is what
// triage sorts by (calls_untriaged). Neither is synced: every laptop works them out the same way
// from the synced row and the office's words. When the words change, every call is looked at again.

const keywordsKey = 'calls.emergencyKeywordsApplied';

export function keepCallFlags(deps: { sqlite: Sqlite; engine: MutationEngine; settings: SettingsService; state: LocalState }): void {
  const { sqlite, engine, settings, state } = deps;
  const read = sqlite.prepare<[string], { transcript: string; notes: string; emergency: number; emergency_keyword: string; urgent: number }>(
    'SELECT transcript, notes, emergency, emergency_keyword, urgent FROM calls WHERE id = ?',
  );
  const write = sqlite.prepare<[string, number, string]>('UPDATE calls SET emergency_keyword = ?, urgent = ? WHERE id = ?');

  const refresh = (id: string, keywords: readonly string[]) => {
    const call = read.get(id);
    if (!call) return;
    const keyword = emergencyKeywordIn(call.transcript, keywords) ?? emergencyKeywordIn(call.notes, keywords) ?? '';
    const urgent = call.emergency === 1 || keyword !== '' ? 1 : 0;
    if (keyword !== call.emergency_keyword || urgent !== call.urgent) write.run(keyword, urgent, id);
  };

  engine.onRowsWritten((touched) => {
    const ids = touched.get('calls');
    if (!ids || ids.size === 0) return;
    const keywords = settings.get().emergencyKeywords;
    for (const id of ids) refresh(id, keywords);
  });

  const rescanIfWordsChanged = () => {
    const keywords = settings.get().emergencyKeywords;
    const signature = JSON.stringify(keywords);
    if (state.get<string>(keywordsKey) === signature) return;
    const ids = sqlite.prepare<[], { id: string }>(`SELECT id FROM calls WHERE transcript <> '' OR notes <> '' OR emergency_keyword <> '' OR urgent <> emergency`).all();
    sqlite.transaction(() => {
      for (const { id } of ids) refresh(id, keywords);
      state.set(keywordsKey, signature);
    })();
  };
  rescanIfWordsChanged();
  settings.onChanged(rescanIfWordsChanged);
}
