import { useState } from 'react';
import { PageHeader } from '../../ui/PageHeader';
import { Screen } from '../../ui/Screen';
import { Segmented } from '../../ui/Segmented';
import { PhoneCalls } from './PhoneCalls';
import { TextConversations } from './TextConversations';

const views = ['calls', 'texts'] as const;
type View = (typeof views)[number];

/** The office line: its call history (recordings, transcripts, mood) and text conversations. */
export function PhoneScreen() {
  const [view, setView] = useState<View>('calls');
  return (
    <Screen width="wide">
      <PageHeader
        title="Phone"
        meta="Calls and texts through the office number"
        actions={<Segmented label="Show" options={views} labels={{ calls: 'Calls', texts: 'Texts' }} value={view} onChange={setView} />}
      />
      {view === 'calls' ? <PhoneCalls /> : <TextConversations />}
    </Screen>
  );
}
