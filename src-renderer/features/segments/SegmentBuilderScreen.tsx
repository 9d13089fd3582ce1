import { useState } from 'react';
import type { ContactListItem } from '../../../src-shared/domain/contact';
import { emptySegmentDefinition, type Segment, type SegmentDefinition, type SegmentKind } from '../../../src-shared/domain/segment';
import { api } from '../../api';
import { useUi } from '../../store';
import { BackLink } from '../../ui/BackLink';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Cluster } from '../../ui/Cluster';
import { EmptyState } from '../../ui/EmptyState';
import { formatCount, formatNumber } from '../../ui/format';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { Screen } from '../../ui/Screen';
import { Segmented } from '../../ui/Segmented';
import { Stack } from '../../ui/Stack';
import { Table, type TableColumn } from '../../ui/Table';
import { TextField } from '../../ui/TextField';
import { offerUndo } from '../../ui/undoable';
import { usePipelines } from '../pipeline/hooks';
import type { BuilderContext } from './CriterionRow';
import { definitionProblem, updateAt } from './definition-model';
import { GroupEditor } from './GroupEditor';
import { useSegment, useSegmentPreview } from './hooks';
import { showSegmentInContacts } from './segment-actions';
import { SegmentMembersCard } from './SegmentMembersCard';
import './segments.css';

const kindLabels: Record<SegmentKind, string> = { dynamic: 'Keeps itself up to date', static: 'A frozen list of today’s matches' };
const sharingLabels = { team: 'The whole team', me: 'Only me' };

const previewColumns: TableColumn<ContactListItem>[] = [
  { id: 'name', header: 'Name', rowHeader: true, cell: (item) => item.name },
  { id: 'company', header: 'Company', muted: true, width: '130px', cell: (item) => item.company },
  { id: 'owner', header: 'Owner', muted: true, width: '90px', cell: (item) => item.owner },
];

/** The builder: a new segment (no id) or a saved one, loaded first. */
export function SegmentBuilderScreen({ id }: { id: string | undefined }) {
  const saved = useSegment(id);
  if (id && saved.status === 'loading') return <LoadingState label="Opening the segment…" size="page" />;
  if (id && saved.status !== 'ready') {
    return (
      <Screen>
        <EmptyState icon="filter" title="This segment was deleted" action={<BackLink to={{ name: 'segments' }}>All segments</BackLink>} />
      </Screen>
    );
  }
  return <SegmentBuilder key={id ?? 'new'} saved={saved.data ?? null} />;
}

function SegmentBuilder({ saved }: { saved: Segment | null }) {
  const navigate = useUi((state) => state.navigate);
  const showError = useUi((state) => state.showError);
  const customFields = useUi((state) => state.settings?.customFields ?? []);
  const pipelines = usePipelines();
  const [definition, setDefinition] = useState<SegmentDefinition>(saved?.definition ?? emptySegmentDefinition);
  const [name, setName] = useState(saved?.name ?? '');
  const [kind, setKind] = useState<SegmentKind>(saved?.kind ?? 'dynamic');
  const [sharing, setSharing] = useState<'team' | 'me'>(saved && !saved.shared ? 'me' : 'team');
  const [saving, setSaving] = useState(false);
  const [nameError, setNameError] = useState<string | undefined>();

  const problem = definitionProblem(definition);
  const preview = useSegmentPreview(problem ? null : definition);
  const latest = preview.latest;
  const dirty = !saved || saved.name !== name || saved.kind !== kind || saved.shared !== (sharing === 'team') || JSON.stringify(saved.definition) !== JSON.stringify(definition);
  const context: BuilderContext = {
    customFields: customFields.filter((def) => def.kind === 'text' || def.kind === 'number' || def.kind === 'choice'),
    dealStages: (pipelines.latest ?? []).flatMap((pipeline) => pipeline.stages.map((stage) => ({ value: stage.id, label: `${pipeline.name}: ${stage.name}` }))),
  };

  const save = async () => {
    if (!name.trim()) {
      setNameError('Give the segment a name');
      return;
    }
    setSaving(true);
    try {
      const stored = await api.invoke('segments.save', { ...(saved ? { id: saved.id } : {}), name, kind, definition, shared: sharing === 'team' });
      const before = saved;
      offerUndo({
        message: before ? `Saved ${stored.name}` : `Created ${stored.name}`,
        undo: () =>
          before
            ? api.invoke('segments.save', { id: before.id, name: before.name, kind: before.kind, definition: before.definition, shared: before.shared })
            : api.invoke('segments.delete', { id: stored.id }),
      });
      if (!before) navigate({ name: 'segment', id: stored.id }, { replace: true });
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };

  const countText = problem ? 'Not complete yet' : latest ? formatCount(latest.count, 'contact') : 'Counting…';
  return (
    <Screen width="wide">
      <PageHeader
        back={<BackLink to={{ name: 'segments' }}>Segments</BackLink>}
        title={saved ? saved.name : 'New segment'}
        meta={saved ? (saved.kind === 'static' ? `A frozen list of ${formatCount(saved.memberCount, 'contact')}` : 'Keeps itself up to date') : 'Choose who belongs in it; the count follows as you go.'}
        actions={
          <Cluster>
            {saved ? (
              <Button icon="contacts" disabled={dirty} title={dirty ? 'Save first' : undefined} onClick={() => showSegmentInContacts(saved.id)}>
                Show in contacts
              </Button>
            ) : null}
            <Button variant="primary" icon="check" busy={saving} busyLabel="Saving…" disabled={!dirty || problem !== null} onClick={() => void save()}>
              {saved ? 'Save changes' : 'Save segment'}
            </Button>
          </Cluster>
        }
      />
      <div className="segment-layout">
        <Stack gap="lg">
          <Card title="Who belongs in it" help="Criteria in a group are joined by “all” (AND) or “any” (OR); add a group to mix the two.">
            <GroupEditor group={definition} position={[]} context={context} onChange={(position, node) => setDefinition((root) => updateAt(root, position, () => node))} />
          </Card>
          <Card title="Save">
            <Stack gap="md">
              <TextField label="Name" value={name} error={nameError} placeholder="Bristol landlords, quiet for 90 days" onChange={(next) => { setName(next); setNameError(undefined); }} />
              <Segmented label="Kind" showLabel options={['dynamic', 'static'] as const} labels={kindLabels} value={kind} onChange={setKind} />
              <Segmented label="Shared with" showLabel options={['team', 'me'] as const} labels={sharingLabels} value={sharing} onChange={setSharing} />
            </Stack>
          </Card>
          {saved?.kind === 'static' ? <SegmentMembersCard segment={saved} /> : null}
        </Stack>
        <Card title="Matches" aside={<span className="segment-count" aria-live="polite" aria-label={`Live count: ${countText}`}>{problem ? '—' : latest ? formatNumber(latest.count) : '…'}</span>}>
          {problem ? (
            <p className="segment-problem" role="status">{problem}</p>
          ) : latest && latest.items.length > 0 ? (
            <Stack gap="sm">
              <Table caption="First matching contacts" columns={previewColumns} rows={latest.items} rowKey={(item) => item.id} density="compact" frame="plain" />
              {latest.count > latest.items.length ? <p className="muted">and {formatCount(latest.count - latest.items.length, 'more contact')}</p> : null}
            </Stack>
          ) : latest ? (
            <EmptyState compact icon="search" title="No contact matches yet" />
          ) : (
            <LoadingState label="Counting…" />
          )}
        </Card>
      </div>
    </Screen>
  );
}
