import type { Dashboard } from '../../../src-shared/domain/timeline';
import { api } from '../../api';
import { useUi } from '../../store';
import { BarChart } from '../../ui/BarChart';
import { endOfToday, startOfWeek } from '../../ui/dates';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { capitalise, formatMoney, formatNumber, statusLabels } from '../../ui/format';
import { orderTotals } from '../../../src-shared/domain/money-totals';
import { LiveContent } from '../../ui/LiveContent';
import { contactsChanged, pipelinesChanged, remindersDue } from '../../ui/live-events';
import { PageHeader } from '../../ui/PageHeader';
import { WhenAllowed } from '../access/WhenAllowed';
import { Screen } from '../../ui/Screen';
import { useLiveData } from '../../ui/use-live-data';
import { RecentActivity } from './RecentActivity';
import { ConversionTile } from '../lifecycle/ConversionTile';
import { StatTile } from './StatTile';
import { JobFigures } from '../jobs/JobFigures';
import { Grid } from '../../ui/Grid';
import './dashboard.css';

const dayName = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
const dayLong = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
const weekStart = new Intl.DateTimeFormat(undefined, { weekday: 'long' });
const today = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** The home screen: what needs doing today, and how the business is going. */
export function DashboardScreen() {
  const userName = useUi((state) => state.settings?.userName ?? '');
  const openDialog = useUi((state) => state.openDialog);
  const navigate = useUi((state) => state.navigate);
  const dashboard = useLiveData('dashboard', () => api.invoke('dashboard.get', { endOfToday: endOfToday(), startOfWeek: startOfWeek() }), {
    reloadOn: [contactsChanged(), remindersDue, pipelinesChanged()],
    everyMs: 60_000,
  });

  return (
    <Screen>
      <PageHeader
        title={userName ? `${greeting()}, ${userName.split(' ')[0]}` : 'Dashboard'}
        meta={today.format(new Date())}
        actions={
          <WhenAllowed>
            <Button icon="phone" onClick={() => openDialog({ kind: 'logCall' })}>
              Log a call
            </Button>
            <Button variant="primary" icon="plus" onClick={() => navigate({ name: 'contactNew' })}>
              Add contact
            </Button>
          </WhenAllowed>
        }
      />
      <LiveContent live={dashboard} loading="Loading your figures…" failed="Your figures could not be loaded." size="page" keepLatest>
        {(data) => <DashboardBody data={data} />}
      </LiveContent>
    </Screen>
  );
}

function greeting(): string {
  const hour = new Date().getHours();
  return hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
}

function DashboardBody({ data }: { data: Dashboard }) {
  const navigate = useUi((state) => state.navigate);
  const currency = useUi((state) => state.settings?.currency ?? 'GBP');
  const contactCount = data.contactsByStatus.reduce((sum, entry) => sum + entry.count, 0);
  if (contactCount === 0 && data.callsThisWeek === 0) {
    return (
      <EmptyState
        icon="home"
        title="Your day at a glance, once you start"
        action={
          <WhenAllowed>
            <Button variant="primary" icon="plus" onClick={() => navigate({ name: 'contactNew' })}>
              Add your first contact
            </Button>
          </WhenAllowed>
        }
      >
        <p>Follow-ups that are due, calls this week, who you are working with and what they are worth all show up here.</p>
      </EmptyState>
    );
  }
  const { overdue, today: dueToday } = data.followUps;
  const openValue = orderTotals(
    data.openPotentialValue.map((money) => ({ currency: money.currency, totalMinor: money.amountMinor })),
    currency,
  ).map((money) => formatMoney({ amountMinor: money.totalMinor, currency: money.currency }));
  const quotes = data.pendingQuotes.reduce((sum, entry) => sum + entry.count, 0);
  // Each currency on its own: "£1,200.00 · $300.00", never one figure across currencies.
  const quoteTotal = orderTotals(data.pendingQuotes, currency)
    .map((entry) => formatMoney({ amountMinor: entry.totalMinor, currency: entry.currency }))
    .join(' · ');

  return (
    <>
      <Grid as="section" min={280} aria-label="Figures">
        <StatTile label="Overdue follow-ups" icon="alert" value={formatNumber(overdue)} tone={overdue > 0 ? 'danger' : 'neutral'} detail={overdue > 0 ? 'Past their due time' : 'All on time'} to={{ name: 'followUps', view: 'overdue' }} />
        <StatTile label="Due today" icon="bell" value={formatNumber(dueToday)} tone={dueToday > 0 ? 'warning' : 'neutral'} detail="Follow-ups before midnight" to={{ name: 'followUps', view: 'today' }} />
        <StatTile label="Calls this week" icon="phone" value={formatNumber(data.callsThisWeek)} detail={`Since ${weekStart.format(new Date(startOfWeek()))}`} to={{ name: 'calls' }} />
        <StatTile label="New contacts this week" icon="contacts" value={formatNumber(data.newContactsThisWeek)} detail={`${formatNumber(contactCount)} in all`} to={{ name: 'contacts' }} />
        <StatTile label="Open potential value" icon="chart" value={openValue[0] ?? formatMoney({ amountMinor: 0, currency })} detail={openValue.length > 1 ? `and ${openValue.slice(1).join(', ')}` : 'Contacts not yet won or lost'} />
        <StatTile label="Quotes awaiting an answer" icon="note" value={formatNumber(quotes)} detail={quotes > 0 ? quoteTotal : 'None pending'} />
        <JobFigures />
        <ConversionTile />
      </Grid>
      <Grid min={280}>
        <Card>
          <BarChart
            title="Calls, last 7 days"
            orientation="vertical"
            valueLabel="Calls"
            bars={data.callsByDay.map((day) => ({ label: dayName.format(new Date(day.day)), longLabel: dayLong.format(new Date(day.day)), value: day.count }))}
          />
        </Card>
        <Card>
          <BarChart title="Contacts by status" valueLabel="Contacts" bars={data.contactsByStatus.map((entry) => ({ label: statusLabels[entry.name as keyof typeof statusLabels] ?? capitalise(entry.name), value: entry.count }))} />
        </Card>
        <Card>
          <BarChart title="Contacts by type" valueLabel="Contacts" bars={data.contactsByType.map((entry) => ({ label: capitalise(entry.name), value: entry.count }))} />
        </Card>
      </Grid>
      <RecentActivity items={data.recentActivity} />
    </>
  );
}
