import { defaultSettings, SettingsSchema, type Settings } from '../../src-shared/domain/settings';
import type { LocalState } from './local-state';

type Patch = Partial<Settings>;

export class SettingsService {
  private cached: Settings | undefined;
  private readonly listeners = new Set<() => void>();

  private readonly state: LocalState;

  constructor(deps: { state: LocalState }) {
    this.state = deps.state;
  }

  get(): Settings {
    if (!this.cached) {
      const stored = this.state.get<Partial<Settings>>('settings') ?? {};
      // Stored settings from an older version may lack newer keys: defaults fill them.
      const parsed = SettingsSchema.safeParse({ ...defaultSettings, ...stored });
      this.cached = parsed.success ? parsed.data : defaultSettings;
    }
    return this.cached;
  }

  update(patch: Patch): Settings {
    const next = SettingsSchema.parse({ ...this.get(), ...patch });
    this.state.set('settings', next);
    this.cached = next;
    for (const listener of this.listeners) listener();
    return next;
  }

  onChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
