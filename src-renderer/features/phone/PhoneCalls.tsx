import { useState } from 'react';
import type { Call } from '../../../src-shared/domain/call';
import { sentimentFilters, sentimentLabel, type SentimentFilter } from '../../../src-shared/domain/telephony';
import { formatPhone } from '../../../src-shared/phone';
import { Badge } from '../../ui/Badge';
import { Card } from '../../ui/Card';
import { Checkbox } from '../../ui/Checkbox';
import { FilterBar } from '../../ui/FilterBar';
import { LiveContent } from '../../ui/LiveContent';
import { SearchBox } from '../../ui/SearchBox';
import { SelectField } from '../../ui/SelectField';
import { Table, type TableColumn } from '../../ui/Table';
import { toOptions } from '../../ui/Select';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { CallPanel } from './CallPanel';
import { usePhoneCalls } from './hooks';
import { callStatusLabel, callStatusTone, formatDuration, formatMoment, sentimentTone, sentimentWords } from './phone-format';

/** The phone line's call history: filter by words of the transcript, mood, unanswered; open one to listen. */
export function PhoneCalls() {
  const [search, setSearch] = useState('');
  const [sentiment, setSentiment] = useState<SentimentFilter | ''>('');
  const [unansweredOnly, setUnansweredOnly] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const words = useDebouncedValue(search, 200);
  const calls = usePhoneCalls({ search: words, sentiment, unansweredOnly });

  const columns: TableColumn<Call>[] = [
    {
      id: 'who',
      header: 'Caller',
      rowHeader: true,
      cell: (call) => (
        <button type="button" className="link-button" onClick={() => setOpenId(call.id)} aria-label={`Open the call with ${call.contactName ?? formatPhone(call.number)} on ${formatMoment(call.startedAt)}`}>
          {call.contactName ?? formatPhone(call.number)}
        </button>
      ),
    },
    { id: 'direction', header: 'Direction', width: '110px', cell: (call) => (call.direction === 'inbound' ? 'Incoming' : 'Outgoing') },
    { id: 'when', header: 'When', width: '150px', muted: true, cell: (call) => formatMoment(call.startedAt) },
    { id: 'status', header: 'Status', width: '140px', cell: (call) => <Badge tone={callStatusTone(call.status)}>{callStatusLabel(call.status)}</Badge> },
    { id: 'duration', header: 'Duration', width: '90px', numeric: true, align: 'end', cell: (call) => formatDuration(call.durationSeconds) },
    {
      id: 'mood',
      header: 'Mood',
      width: '110px',
      cell: (call) => (call.sentiment === null ? '' : <Badge tone={sentimentTone(call.sentiment)}>{sentimentWords[sentimentLabel(call.sentiment)]}</Badge>),
    },
    { id: 'recording', header: 'Recording', width: '100px', muted: true, cell: (call) => (call.recordingSha256 ? formatDuration(call.recordingSeconds) : '') },
  ];

  return (
    <>
      <FilterBar label="Filter phone calls" search={<SearchBox label="Search transcripts" value={search} onChange={setSearch} placeholder="Words in the transcript" />}>
        <SelectField label="Mood" hideLabel size="sm" width="narrow" emptyOption="Any mood" value={sentiment} options={toOptions(sentimentFilters, sentimentWords)} onChange={setSentiment} />
        <Checkbox variant="chip" label="Unanswered only" checked={unansweredOnly} onChange={setUnansweredOnly} />
      </FilterBar>
      <Card flush label="Phone line calls">
        <LiveContent live={calls} loading="Loading calls…" failed="The calls could not be loaded." keepLatest>
          {(page) => (
            <Table
              caption="Phone line calls"
              columns={columns}
              rows={page.items}
              rowKey={(call) => call.id}
              frame="plain"
              empty="No calls through the office number yet."
            />
          )}
        </LiveContent>
      </Card>
      {openId ? <CallPanel callId={openId} onClose={() => setOpenId(null)} /> : null}
    </>
  );
}
