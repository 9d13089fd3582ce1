// A minimal Prometheus text exposition (format 0.0.4) for GET /metrics: counters, one gauge and
// one histogram, enough to watch a relay without pulling in a client library.

type Labels = Record<string, string>;

const latencyBucketsSeconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

const labelText = (labels: Labels) => {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([key, value]) => `${key}="${escapeLabel(value)}"`).join(',')}}`;
};

class Counter {
  private readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: 'counter' | 'gauge' = 'counter',
  ) {}
  add(amount = 1, labels: Labels = {}): void {
    const key = labelText(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + amount);
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.type}`];
    if (this.values.size === 0 && this.type === 'gauge') lines.push(`${this.name} 0`);
    for (const [key, value] of this.values) lines.push(`${this.name}${key} ${value}`);
    return lines;
  }
}

class Histogram {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  observe(seconds: number, labels: Labels): void {
    const key = labelText(labels);
    let entry = this.series.get(key);
    if (!entry) {
      entry = { labels, counts: latencyBucketsSeconds.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, entry);
    }
    latencyBucketsSeconds.forEach((bound, index) => {
      if (seconds <= bound) entry.counts[index]! += 1;
    });
    entry.sum += seconds;
    entry.count += 1;
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const { labels, counts, sum, count } of this.series.values()) {
      latencyBucketsSeconds.forEach((bound, index) => {
        lines.push(`${this.name}_bucket${labelText({ ...labels, le: String(bound) })} ${counts[index]}`);
      });
      lines.push(`${this.name}_bucket${labelText({ ...labels, le: '+Inf' })} ${count}`);
      lines.push(`${this.name}_sum${labelText(labels)} ${sum}`);
      lines.push(`${this.name}_count${labelText(labels)} ${count}`);
    }
    return lines;
  }
}

export class RelayMetrics {
  readonly requests = new Counter('fieldbook_relay_http_requests_total', 'HTTP requests by route and status.');
  readonly latency = new Histogram('fieldbook_relay_http_request_duration_seconds', 'HTTP request latency by route.');
  readonly pushes = new Counter('fieldbook_relay_pushes_total', 'Accepted push requests.');
  readonly changesStored = new Counter('fieldbook_relay_changes_stored_total', 'Changes newly stored (re-pushed ones are not counted).');
  readonly changesRefused = new Counter('fieldbook_relay_changes_refused_total', 'Changes refused because no laptop could apply them.');
  readonly pulls = new Counter('fieldbook_relay_pulls_total', 'Answered pull requests.');
  readonly pokes = new Counter('fieldbook_relay_pokes_sent_total', 'Pokes sent to live sockets.');
  readonly openSockets = new Counter('fieldbook_relay_websockets_open', 'Open live WebSockets.', 'gauge');

  recordRequest(route: string, status: number, seconds: number): void {
    this.requests.add(1, { route, status: String(status) });
    this.latency.observe(seconds, { route });
  }

  render(): string {
    const all = [this.requests, this.latency, this.pushes, this.changesStored, this.changesRefused, this.pulls, this.pokes, this.openSockets];
    return `${all.flatMap((metric) => metric.render()).join('\n')}\n`;
  }
}
