import { expect, test } from './app-fixture';
import { rpc } from './rpc';

// The score card on a contact speaks of the contact as what it is: a missed call is not a
// conversation, and a customer already won is not "a hot lead".

test('a missed call does not count as talking to the contact', async ({ app, page }) => {
  const contact = await rpc<{ id: string }>(page, app, 'contacts.create', {
    draft: { name: 'Ann Example', contactType: 'lead', phones: [{ type: 'mobile', number: '07700 900461' }] },
  });
  await rpc(page, app, 'calls.log', {
    direction: 'outbound',
    number: '07700 900461',
    startedAt: Date.now() - 60 * 60 * 1000,
    status: 'no-answer',
    disposition: 'no answer',
    contactId: contact.id,
  });
  await page.goto(`${app.origin}/#/contacts/${contact.id}`);
  const scores = page.getByRole('region', { name: /score and health/i });
  await expect(scores.getByRole('meter')).toBeVisible();
  await expect(scores).not.toContainText('Talked in the last 2 weeks');
  await expect(scores).toContainText('No answer yet');
});

test('a won customer is described as a customer, not as a hot lead', async ({ app, page }) => {
  const contact = await rpc<{ id: string }>(page, app, 'contacts.create', {
    draft: {
      name: 'Bob Fletcher',
      contactType: 'customer',
      status: 'won',
      company: 'Fletcher Builders',
      phones: [{ type: 'mobile', number: '07700 900462' }],
      emails: [{ type: 'work', address: 'bob@fletcher.example' }],
      potentialValue: { amountMinor: 500_000, currency: 'GBP' },
    },
  });
  for (const hoursAgo of [2, 30, 80]) {
    await rpc(page, app, 'calls.log', {
      direction: 'inbound',
      number: '07700 900462',
      startedAt: Date.now() - hoursAgo * 60 * 60 * 1000,
      durationSeconds: 300,
      disposition: 'booked',
      contactId: contact.id,
    });
  }
  await page.goto(`${app.origin}/#/contacts/${contact.id}`);
  const scores = page.getByRole('region', { name: /score and health/i });
  await expect(scores.getByRole('meter')).toBeVisible();
  await expect(scores).not.toContainText('lead');
  await expect(scores).toContainText('customer');
});
