import { v7 as uuidv7 } from 'uuid';
import { createCore } from '../../src-main/core/create-core';
import { expect, test } from './app-fixture';
import { rpc } from './rpc';

// The triage desk in Chromium: ten calls the phone line took, none with an outcome yet, cleared
// from the keyboard; and a job booked from a call, or from a contact's page, without retyping.

const minute = 60_000;

/** Ten answered calls as the phone line writes them (no outcome), the third from a known customer with notes. */
async function fillWithCalls(dataDir: string): Promise<void> {
  const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: () => {} });
  try {
    await core.invoke('settings.update', { userName: 'Robin', callDispositions: ['booked', 'quote needed', 'call back', 'no answer', 'spam'] });
    const created = await core.invoke('contacts.create', {
      draft: { name: 'Priya Shah', phones: [{ type: 'mobile', number: '+447700900333' }], address: { street: '12 Elm Road', city: 'York', postcode: 'YO1 7HH' } },
    });
    if (!created.ok) throw new Error(created.error.message);
    const priya = created.data as { id: string };
    const start = Date.now() - 3 * 60 * minute;
    core.engine.transaction((tx) => {
      for (let index = 0; index < 10; index += 1) {
        const id = uuidv7();
        const fromPriya = index === 2;
        tx.write('calls', id, {
          contact_id: fromPriya ? priya.id : null,
          direction: 'inbound',
          number: fromPriya ? '+447700900333' : `+4420794600${String(index).padStart(2, '0')}`,
          started_at: start + index * 7 * minute,
          duration_seconds: 60 + index * 10,
          status: 'completed',
          disposition: '',
          notes: fromPriya ? 'Radiator leaking in the hall\nHome after 4pm' : '',
          transcript: fromPriya ? 'Hello, the radiator in the hall is dripping, could someone come after four?' : '',
          provider: 'twilio',
          provider_id: `CA${id.replaceAll('-', '')}`,
          created_at: start + index * 7 * minute,
          cl: 1,
        });
      }
    });
  } finally {
    core.close();
  }
}

test.use({ prepareDataDir: { fill: fillWithCalls } });

test('ten calls are triaged from the keyboard, and one will not let go until it has an outcome', async ({ app, page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calls' }).click();
  await page.getByRole('button', { name: 'Triage' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Triage' })).toBeVisible();
  await expect(page.getByText('10 of 10 left')).toBeVisible();
  const drawer = page.getByRole('region', { name: /^Call from / });
  await expect(drawer).toBeVisible();

  // N without an outcome is refused, and the call stays on screen.
  const firstCaller = await drawer.getByRole('heading').first().textContent();
  await page.keyboard.press('n');
  await expect(page.getByRole('alert')).toHaveText('Choose an outcome for this call before moving on.');
  await expect(page.getByText('10 of 10 left')).toBeVisible();
  await expect(drawer.getByRole('heading').first()).toHaveText(firstCaller!);

  for (let done = 0; done < 10; done += 1) {
    const key = String((done % 3) + 1);
    await page.keyboard.press(key);
    await expect(drawer.getByRole('button', { pressed: true })).toHaveCount(1);
    await expect(page.getByText(`${9 - done} of 10 left`)).toBeVisible();
    await page.keyboard.press('n');
  }
  await expect(page.getByRole('heading', { name: 'Queue cleared' })).toBeVisible();

  // P goes back over the sitting; the outcome chosen is still there.
  await page.keyboard.press('p');
  await expect(drawer.getByRole('button', { name: /call back/, pressed: false })).toBeVisible();
  await expect(drawer.getByRole('button', { name: /booked/, pressed: true })).toBeVisible();

  const queue = await rpc<{ total: number }>(page, app, 'calls.triageQueue', {});
  expect(queue.total).toBe(0);
  const booked = await rpc<{ total: number }>(page, app, 'calls.list', { disposition: 'booked' });
  expect(booked.total).toBe(4);
});

test('a job is booked from a call with the caller, the address and the notes already filled in', async ({ app, page }) => {
  await page.goto(`${app.origin}/#/calls/triage`);
  const drawer = page.getByRole('region', { name: /^Call from / });
  await page.getByRole('button', { name: /^Priya Shah/ }).click();
  await expect(drawer.getByRole('heading', { name: 'Priya Shah' })).toBeVisible();
  // What the caller said is in the drawer beside the notes.
  await expect(drawer.getByRole('region', { name: 'Transcript' })).toContainText('the radiator in the hall is dripping');

  // Notes typed in the drawer are saved as they are typed.
  await drawer.getByLabel('Notes').fill('Radiator leaking in the hall\nHome after 4pm\nBring a 15mm valve');
  await expect.poll(async () => (await rpc<{ items: { notes: string }[] }>(page, app, 'calls.list', { number: '+447700900333' })).items[0]?.notes).toContain('15mm valve');

  await drawer.getByRole('button', { name: 'Create job from this call' }).click();
  const dialog = page.getByRole('dialog', { name: 'New job' });
  await expect(dialog.getByLabel('Job', { exact: true })).toHaveValue('Radiator leaking in the hall');
  await expect(dialog.getByLabel('Address')).toHaveValue('12 Elm Road, York, YO1 7HH');
  await expect(dialog.getByLabel('Description')).toHaveValue(/Bring a 15mm valve/);
  await dialog.getByLabel('Date').fill('2027-01-12');
  await dialog.getByLabel('Time').fill('16:30');
  await dialog.getByRole('button', { name: 'Book job' }).click();
  await expect(dialog).toBeHidden();

  const grid = page.getByRole('grid', { name: 'Jobs' });
  await expect(grid.getByRole('row', { name: /Radiator leaking in the hall/ })).toContainText('Priya Shah');
  await page.goBack();
  await page.getByRole('button', { name: /^Priya Shah/ }).click();
  await expect(page.getByRole('list', { name: 'Jobs from this call' })).toContainText('Radiator leaking in the hall');
});

test('a job is booked from a contact’s page with the contact and address filled in', async ({ app, page }) => {
  await page.goto(`${app.origin}/#/contacts`);
  await page.getByRole('grid', { name: 'Contacts' }).getByRole('link', { name: 'Priya Shah' }).click();
  await page.getByRole('button', { name: 'New job' }).click();
  const dialog = page.getByRole('dialog', { name: 'New job' });
  await expect(dialog.getByLabel('Address')).toHaveValue('12 Elm Road, York, YO1 7HH');
  await dialog.getByLabel('Job', { exact: true }).fill('Annual boiler service');
  await dialog.getByRole('button', { name: 'Book job' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('grid', { name: 'Jobs' }).getByRole('row', { name: /Annual boiler service/ })).toContainText('Priya Shah');
  const jobs = await rpc<{ items: { title: string; contactId: string }[] }>(page, app, 'jobs.list', {});
  expect(jobs.items.map((job) => job.title)).toContain('Annual boiler service');
});
