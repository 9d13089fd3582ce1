import type { Page } from '@playwright/test';
import { expect, type RunningApp } from './app-fixture';

/** A channel called through the signed-in window's own host, for setting up what a test is not about. */
export async function rpc<T>(page: Page, app: RunningApp, channel: string, input: unknown): Promise<T> {
  const answer = await page.request.post(`${app.origin}/rpc/${channel}`, { data: input });
  const body = (await answer.json()) as { ok: boolean; data: T; error?: unknown };
  expect(body, `${channel} answered ${JSON.stringify(body.error)}`).toMatchObject({ ok: true });
  return body.data;
}

export interface PipelineData {
  id: string;
  stages: { id: string; name: string }[];
}
