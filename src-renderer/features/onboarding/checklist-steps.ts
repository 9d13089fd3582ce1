import type { Settings } from '../../../src-shared/domain/settings';

// The first-run checklist's steps and when each counts as done. Each is read from the data
// itself (a name saved, a contact imported, a pipeline made), so a step done anywhere in the app
// ticks itself off here too.

export type ChecklistStepId = 'name' | 'office' | 'import' | 'pipeline' | 'teammate';

export interface ChecklistFacts {
  settings: Pick<Settings, 'userName' | 'officeName' | 'officeLogoSha256' | 'firstRunChecklistDismissed'>;
  contacts: number;
  pipelines: number;
  /** Other members of this laptop's team workspace (0 without one). */
  teammates: number;
}

export interface ChecklistStep {
  id: ChecklistStepId;
  title: string;
  done: boolean;
}

export function checklistSteps(facts: ChecklistFacts): ChecklistStep[] {
  const { settings } = facts;
  return [
    { id: 'name', title: 'Your name', done: settings.userName.trim() !== '' },
    { id: 'office', title: 'Your office and logo', done: settings.officeName.trim() !== '' && settings.officeLogoSha256 !== null },
    { id: 'import', title: 'Import your contacts', done: facts.contacts > 0 },
    { id: 'pipeline', title: 'Set up a pipeline', done: facts.pipelines > 0 },
    { id: 'teammate', title: 'Invite a teammate', done: facts.teammates > 0 },
  ];
}

/** Shown until it is dismissed or every step is done. */
export function showsChecklist(facts: ChecklistFacts): boolean {
  return !facts.settings.firstRunChecklistDismissed && checklistSteps(facts).some((step) => !step.done);
}
