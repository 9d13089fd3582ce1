import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './app-fixture';

// A data folder of an earlier version, whose files were stored before encryption at rest: the
// first start encrypts them in the background (src-main/files/encrypt-existing.ts) and says how
// far it is in a corner of the app until it is done (features/privacy/UpgradeProgress.tsx).

// Enough bytes that the work outlasts the host's start and the page's first load on any machine.
const fileCount = 120;
test.describe.configure({ timeout: 180_000 });
test.use({
  prepareDataDir: {
    async fill(dataDir: string) {
      for (let index = 0; index < fileCount; index += 1) {
        const bytes = Buffer.concat([Buffer.from(`invoice ${index} `), randomBytes(2.5 * 1024 * 1024)]);
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        const dir = path.join(dataDir, 'files', sha256.slice(0, 2));
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, sha256), bytes);
      }
    },
  },
});

test('shows how far the encryption of the files from before is, and goes away once it is done', async ({ app, page }, testInfo) => {
  expect(app.dataDir).toBeTruthy();
  const upgrade = page.getByRole('region', { name: 'Upgrade in progress' });
  const bar = upgrade.getByRole('progressbar', { name: 'Encrypting stored files' });
  // The page loads while the core is busy with the files: give it time on a loaded machine.
  await expect(bar).toBeVisible({ timeout: 60_000 });
  await expect(upgrade).toContainText(`of ${fileCount.toLocaleString('en')} files`);
  await expect(upgrade).toContainText('Fieldbook can be used meanwhile');
  await page.screenshot({ path: testInfo.outputPath('upgrade-progress.png') });
  await expect(upgrade).toHaveCount(0, { timeout: 150_000 });
});
