import type { Core } from '../../../src-main/core/create-core';

// Who the demo firm is: printed on its quotes, shown in settings.

export const demoOffice = {
  officeName: 'Castle Roofing & Building',
  officeAddress: '14 Mill Lane\nHarrogate HG1 2PQ',
  officePhone: '+44 1423 555 014',
  officeEmail: 'office@castle-roofing.example',
  officeTaxNumber: 'GB 123 4567 89',
  quotePaymentTerms: '30% deposit to book, balance within 14 days of completion. Bank transfer to Castle Roofing & Building, sort code 00-00-00, account 12345678.',
  quoteValidDays: 30,
} as const;

export function writeOffice(core: Core): void {
  // The demo is set up already: its first-run checklist would only be in the way.
  core.settings.update({ ...demoOffice, firstRunChecklistDismissed: true });
}
