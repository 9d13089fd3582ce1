import { describe, expect, it } from 'vitest';
import { checklistSteps, showsChecklist, type ChecklistFacts } from '../../../src-renderer/features/onboarding/checklist-steps';

const fresh: ChecklistFacts = {
  settings: { userName: '', officeName: '', officeLogoSha256: null, firstRunChecklistDismissed: false },
  contacts: 0,
  pipelines: 0,
  teammates: 0,
};
const logo = 'a'.repeat(64);

describe('the first-run checklist', () => {
  it('starts with every step to do', () => {
    expect(checklistSteps(fresh).map((step) => [step.id, step.done])).toEqual([
      ['name', false],
      ['office', false],
      ['import', false],
      ['pipeline', false],
      ['teammate', false],
    ]);
    expect(showsChecklist(fresh)).toBe(true);
  });

  it('ticks a step off from the data it is about', () => {
    const steps = checklistSteps({ ...fresh, settings: { ...fresh.settings, userName: 'Jo' }, contacts: 3, teammates: 1 });
    expect(steps.filter((step) => step.done).map((step) => step.id)).toEqual(['name', 'import', 'teammate']);
  });

  it('counts the office as done only with both its name and its logo', () => {
    const named = checklistSteps({ ...fresh, settings: { ...fresh.settings, officeName: 'Castle Roofing' } });
    expect(named.find((step) => step.id === 'office')?.done).toBe(false);
    const both = checklistSteps({ ...fresh, settings: { ...fresh.settings, officeName: 'Castle Roofing', officeLogoSha256: logo } });
    expect(both.find((step) => step.id === 'office')?.done).toBe(true);
  });

  it('goes away once dismissed, or once every step is done', () => {
    expect(showsChecklist({ ...fresh, settings: { ...fresh.settings, firstRunChecklistDismissed: true } })).toBe(false);
    const allDone: ChecklistFacts = {
      settings: { userName: 'Jo', officeName: 'Castle Roofing', officeLogoSha256: logo, firstRunChecklistDismissed: false },
      contacts: 1,
      pipelines: 1,
      teammates: 1,
    };
    expect(showsChecklist(allDone)).toBe(false);
  });
});
