import { useState } from 'react';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
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
  const navigate = useUi((state) => state.navigate);
  return (
    <Screen width="wide">
      <PageHeader
        title="Phone"
        meta="Calls and texts through the office number"
        actions={
          <>
            <Segmented label="Show" options={views} labels={{ calls: 'Calls', texts: 'Texts' }} value={view} onChange={setView} />
            <Button icon="settings" onClick={() => navigate({ name: 'phoneSettings' })}>
              Phone settings
            </Button>
          </>
        }
      />
      {view === 'calls' ? <PhoneCalls /> : <TextConversations />}
    </Screen>
  );
}
