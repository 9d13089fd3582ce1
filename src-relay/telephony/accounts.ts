import { eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  CallHandlingSchema,
  type CallHandling,
  type PhoneSettingsInputSchema,
  type PhoneSettingsView,
} from '../../src-shared/domain/telephony';
import { twilioWebhookPath } from '../../src-shared/sync/telephony';
import type { RelayDb } from '../db/open';
import { telephonyAccounts } from '../db/schema';
import { RelayHttpError } from '../http';
import type { SecretBox } from './secret-box';
import type { TwilioCredentials } from './twilio-gateway';

// A workspace's Twilio account: stored with its secrets sealed, read back whole by the relay
// only; devices get the view, which never holds a secret.

export interface PhoneAccount {
  workspaceId: string;
  credentials: TwilioCredentials;
  officeNumbers: string[];
  publicUrl: string;
  handling: CallHandling;
  caughtUpTo: number | null;
  lastCatchUpAt: number | null;
  webhooksConfiguredAt: number | null;
}

const SealedSecretsSchema = z.object({ authToken: z.string(), apiKeySid: z.string().optional(), apiKeySecret: z.string().optional() });

export const webhookUrls = (publicUrl: string, workspaceId: string) => ({
  voice: `${publicUrl}${twilioWebhookPath(workspaceId, 'voice')}`,
  voiceStatus: `${publicUrl}${twilioWebhookPath(workspaceId, 'call-status')}`,
  messaging: `${publicUrl}${twilioWebhookPath(workspaceId, 'sms')}`,
});

export const noSecretKey = () =>
  new RelayHttpError(
    400,
    'invalid_input',
    'This relay has no secret key to keep Twilio credentials with: set FIELDBOOK_RELAY_SECRET_KEY (openssl rand -base64 32) and restart it.',
  );

export class PhoneAccounts {
  constructor(
    private readonly db: RelayDb,
    private readonly box: SecretBox | undefined,
    private readonly now: () => number,
  ) {}

  async load(workspaceId: string): Promise<PhoneAccount | undefined> {
    const [row] = await this.db.select().from(telephonyAccounts).where(eq(telephonyAccounts.workspaceId, workspaceId));
    if (!row || !this.box) return undefined;
    const secrets = SealedSecretsSchema.parse(JSON.parse(this.box.open(row.sealedSecrets)));
    return {
      workspaceId,
      credentials: { accountSid: row.accountSid, ...secrets },
      officeNumbers: row.officeNumbers,
      publicUrl: row.publicUrl,
      handling: CallHandlingSchema.parse(row.handling),
      caughtUpTo: row.caughtUpTo,
      lastCatchUpAt: row.lastCatchUpAt,
      webhooksConfiguredAt: row.webhooksConfiguredAt,
    };
  }

  /** Every workspace with a phone line, for the catch-up at start. */
  async workspaceIds(): Promise<string[]> {
    const rows = await this.db.select({ workspaceId: telephonyAccounts.workspaceId }).from(telephonyAccounts);
    return rows.map((row) => row.workspaceId);
  }

  async save(workspaceId: string, input: z.output<typeof PhoneSettingsInputSchema>): Promise<PhoneAccount> {
    if (!this.box) throw noSecretKey();
    const previous = await this.load(workspaceId);
    const authToken = input.authToken ?? (previous?.credentials.accountSid === input.accountSid ? previous.credentials.authToken : undefined);
    if (!authToken) throw new RelayHttpError(400, 'invalid_input', 'Invalid authToken: enter the auth token of the account (it signs the webhooks).');
    const keepKey = input.apiKeySid === undefined && previous?.credentials.accountSid === input.accountSid;
    const secrets = {
      authToken,
      ...(input.apiKeySid ? { apiKeySid: input.apiKeySid, apiKeySecret: input.apiKeySecret } : {}),
      ...(keepKey && previous?.credentials.apiKeySid ? { apiKeySid: previous.credentials.apiKeySid, apiKeySecret: previous.credentials.apiKeySecret } : {}),
    };
    const values = {
      accountSid: input.accountSid,
      sealedSecrets: this.box.seal(JSON.stringify(secrets)),
      officeNumbers: input.officeNumbers,
      publicUrl: input.publicUrl,
      handling: input.handling as Record<string, unknown>,
      updatedAt: this.now(),
    };
    await this.db
      .insert(telephonyAccounts)
      .values({ workspaceId, ...values })
      .onConflictDoUpdate({ target: telephonyAccounts.workspaceId, set: values });
    return (await this.load(workspaceId))!;
  }

  async markWebhooksConfigured(workspaceId: string): Promise<void> {
    await this.db.update(telephonyAccounts).set({ webhooksConfiguredAt: this.now() }).where(eq(telephonyAccounts.workspaceId, workspaceId));
  }

  async markCaughtUp(workspaceId: string, upTo: number): Promise<void> {
    await this.db
      .update(telephonyAccounts)
      .set({ caughtUpTo: upTo, lastCatchUpAt: this.now() })
      .where(eq(telephonyAccounts.workspaceId, workspaceId));
  }

  view(workspaceId: string, account: PhoneAccount | undefined): PhoneSettingsView {
    const secretsAtRest = this.box?.description ?? 'not possible: this relay has no secret key (FIELDBOOK_RELAY_SECRET_KEY)';
    if (!account) {
      return {
        configured: false,
        accountSid: null,
        hasAuthToken: false,
        usesApiKey: false,
        officeNumbers: [],
        publicUrl: null,
        webhookUrls: null,
        handling: CallHandlingSchema.parse({}),
        webhooksConfiguredAt: null,
        lastCatchUpAt: null,
        secretsAtRest,
      };
    }
    return {
      configured: true,
      accountSid: account.credentials.accountSid,
      hasAuthToken: account.credentials.authToken.length > 0,
      usesApiKey: account.credentials.apiKeySid !== undefined,
      officeNumbers: account.officeNumbers,
      publicUrl: account.publicUrl,
      webhookUrls: webhookUrls(account.publicUrl, workspaceId),
      handling: account.handling,
      webhooksConfiguredAt: account.webhooksConfiguredAt,
      lastCatchUpAt: account.lastCatchUpAt,
      secretsAtRest,
    };
  }
}
