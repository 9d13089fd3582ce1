import { create } from 'zustand';
import type { ContactSortField, ContactStatus } from '../src-shared/domain/contact';
import type { FollowUp } from '../src-shared/domain/follow-up';
import type { Settings } from '../src-shared/domain/settings';
import type { ChannelOutput } from '../src-shared/ipc/contract';
import { describeError } from './api';
import { parseRoute, routeHash, type Route } from './routes';

// The one store for UI state. Data owned by the core (contacts, facets) is fetched by the
// feature hooks and never cached here; settings and app info are kept because every screen
// reads them.

export interface ListFilters {
  contactType?: string;
  status?: ContactStatus;
  tag?: string;
  owner: 'team' | 'mine';
  followUpDue: boolean;
  /** Only the members of this saved segment. */
  segmentId?: string;
}

export interface ListSort {
  field: ContactSortField;
  direction: 'asc' | 'desc';
}

/** Dialogs any screen (or the command palette) can open; App renders the one that is open. */
export type GlobalDialog =
  | { kind: 'logCall'; contact?: { id: string; name: string }; number?: string }
  | { kind: 'followUp'; contact?: { id: string; name: string }; callId?: string }
  /** A deal (with its quotes) by id, or a new one without. */
  | { kind: 'deal'; id?: string };

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
}

interface UiState {
  route: Route;
  settings: Settings | null;
  appInfo: ChannelOutput<'app.info'> | null;
  searchText: string;
  filters: ListFilters;
  sort: ListSort;
  /** Where the list was scrolled and which row was active, so coming back from a contact lands there. */
  listScrollOffset: number;
  activeRow: number;
  error: string | null;
  toasts: Toast[];
  nameHintDismissed: boolean;
  /** Whose follow-ups the Follow-ups screen and the sidebar count show. */
  followUpScope: 'mine' | 'team';
  paletteOpen: boolean;
  dialog: GlobalDialog | null;
  /** Reminders shown in the window (browser host only; Electron shows OS notifications). */
  reminders: FollowUp[];

  navigate(route: Route, options?: { replace?: boolean }): void;
  syncRouteFromLocation(): void;
  setSettings(settings: Settings): void;
  setAppInfo(info: ChannelOutput<'app.info'>): void;
  setSearchText(text: string): void;
  setFilters(patch: Partial<ListFilters>): void;
  clearSearchAndFilters(): void;
  /** Puts a saved view's filters and sort on the contacts list at once. */
  applyListView(filters: ListFilters, sort: ListSort): void;
  toggleSort(field: ContactSortField): void;
  rememberListScroll(scrollOffset: number): void;
  setActiveRow(index: number): void;
  showError(error: unknown): void;
  dismissError(): void;
  pushToast(toast: Omit<Toast, 'id'>): number;
  dismissToast(id: number): void;
  dismissNameHint(): void;
  setFollowUpScope(scope: 'mine' | 'team'): void;
  setPaletteOpen(open: boolean): void;
  openDialog(dialog: GlobalDialog): void;
  closeDialog(): void;
  addReminders(followUps: FollowUp[]): void;
  dismissReminder(id: string): void;
}

const noFilters: ListFilters = { owner: 'team', followUpDue: false };
let nextToastId = 1;

export const useUi = create<UiState>()((set, get) => ({
  route: parseRoute(window.location.hash),
  settings: null,
  appInfo: null,
  searchText: '',
  filters: noFilters,
  sort: { field: 'name', direction: 'asc' },
  listScrollOffset: 0,
  activeRow: 0,
  error: null,
  toasts: [],
  nameHintDismissed: false,
  followUpScope: 'team',
  paletteOpen: false,
  dialog: null,
  reminders: [],

  navigate(route, options) {
    const hash = routeHash(route);
    if (options?.replace) window.history.replaceState(null, '', hash);
    else if (window.location.hash !== hash) window.location.hash = hash;
    set({ route });
  },
  syncRouteFromLocation() {
    set({ route: parseRoute(window.location.hash) });
  },
  setSettings: (settings) => set({ settings }),
  setAppInfo: (appInfo) => set({ appInfo }),
  setSearchText: (searchText) => set({ searchText, listScrollOffset: 0, activeRow: 0 }),
  setFilters: (patch) => set({ filters: { ...get().filters, ...patch }, listScrollOffset: 0, activeRow: 0 }),
  clearSearchAndFilters: () => set({ searchText: '', filters: noFilters, listScrollOffset: 0, activeRow: 0 }),
  applyListView: (filters, sort) => set({ filters, sort, listScrollOffset: 0, activeRow: 0 }),
  toggleSort(field) {
    const { sort } = get();
    const direction = sort.field === field && sort.direction === 'asc' ? 'desc' : 'asc';
    set({ sort: { field, direction }, listScrollOffset: 0, activeRow: 0 });
  },
  rememberListScroll: (listScrollOffset) => set({ listScrollOffset }),
  setActiveRow: (activeRow) => set({ activeRow }),
  showError: (error) => set({ error: typeof error === 'string' ? error : describeError(error) }),
  dismissError: () => set({ error: null }),
  pushToast(toast) {
    const id = nextToastId++;
    // One toast at a time reads best for "Deleted …" / "Saved" messages; a newer one replaces it.
    set({ toasts: [{ ...toast, id }] });
    return id;
  },
  dismissToast: (id) => set({ toasts: get().toasts.filter((toast) => toast.id !== id) }),
  dismissNameHint: () => set({ nameHintDismissed: true }),
  setFollowUpScope: (followUpScope) => set({ followUpScope }),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  openDialog: (dialog) => set({ dialog, paletteOpen: false }),
  closeDialog: () => set({ dialog: null }),
  addReminders(followUps) {
    const known = new Set(get().reminders.map((reminder) => reminder.id));
    const fresh = followUps.filter((followUp) => !known.has(followUp.id));
    if (fresh.length > 0) set({ reminders: [...get().reminders, ...fresh] });
  },
  dismissReminder: (id) => set({ reminders: get().reminders.filter((reminder) => reminder.id !== id) }),
}));
