import { v7 as uuidv7 } from 'uuid';
import {
  mailPresetIds,
  mailSecurityModes,
  type MailAccountDraft,
  type MailAccountPatch,
  type MailPresetId,
  type MailSecurity,
  type MailServerSettings,
} from '../../src-shared/domain/mail';
import { AppError } from '../../src-shared/errors';
import { normaliseEmail } from '../../src-shared/phone';
import type { SecretStore } from '../core/secret-store';
import type { Sqlite } from '../db/open';

/** An account as this laptop keeps it (the password is in the secret store, never here). */
export interface AccountSettings {
  id: string;
  email: string;
  displayName: string;
  preset: MailPresetId;
  imap: MailServerSettings;
  smtp: MailServerSettings;
  folders: string[];
  windowMonths: number;
  private: boolean;
  createdAt: number;
  lastSyncAt: number | null;
}

interface AccountRow {
  id: string;
  email: string;
  display_name: string;
  preset: string;
  imap_host: string;
  imap_port: number;
  imap_security: string;
  imap_username: string;
  smtp_host: string;
  smtp_port: number;
  smtp_security: string;
  smtp_username: string;
  folders: string;
  window_months: number;
  private: number;
  created_at: number;
  last_sync_at: number | null;
}

const security = (value: string): MailSecurity => mailSecurityModes.find((mode) => mode === value) ?? 'tls';

function rowToAccount(row: AccountRow): AccountSettings {
  let folders: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.folders);
    if (Array.isArray(parsed)) folders = parsed.filter((entry): entry is string => typeof entry === 'string');
  } catch {
    folders = [];
  }
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    preset: mailPresetIds.find((id) => id === row.preset) ?? 'other',
    imap: { host: row.imap_host, port: row.imap_port, security: security(row.imap_security), username: row.imap_username },
    smtp: { host: row.smtp_host, port: row.smtp_port, security: security(row.smtp_security), username: row.smtp_username },
    folders,
    windowMonths: row.window_months,
    private: row.private === 1,
    createdAt: row.created_at,
    lastSyncAt: row.last_sync_at,
  };
}

const passwordKey = (accountId: string) => `mail:${accountId}:password`;

/**
 * The mail accounts of this laptop: a local table (never synced; another laptop of the team
 * has its own accounts) and the password sealed by the secret store under the account's id.
 */
export class MailAccounts {
  private readonly statements;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly secrets: SecretStore,
    private readonly now: () => number,
  ) {
    this.statements = {
      all: sqlite.prepare<[], AccountRow>('SELECT * FROM mail_accounts ORDER BY created_at, id'),
      byId: sqlite.prepare<[string], AccountRow>('SELECT * FROM mail_accounts WHERE id = ?'),
      byEmail: sqlite.prepare<[string], AccountRow>('SELECT * FROM mail_accounts WHERE lower(email) = ?'),
      insert: sqlite.prepare(
        `INSERT INTO mail_accounts (id, email, display_name, preset, imap_host, imap_port, imap_security, imap_username,
           smtp_host, smtp_port, smtp_security, smtp_username, folders, window_months, private, created_at)
         VALUES (@id, @email, @display_name, @preset, @imap_host, @imap_port, @imap_security, @imap_username,
           @smtp_host, @smtp_port, @smtp_security, @smtp_username, @folders, @window_months, @private, @created_at)`,
      ),
      update: sqlite.prepare(
        `UPDATE mail_accounts SET display_name = @display_name, preset = @preset, imap_host = @imap_host, imap_port = @imap_port,
           imap_security = @imap_security, imap_username = @imap_username, smtp_host = @smtp_host, smtp_port = @smtp_port,
           smtp_security = @smtp_security, smtp_username = @smtp_username, folders = @folders, window_months = @window_months,
           private = @private WHERE id = @id`,
      ),
      remove: sqlite.prepare('DELETE FROM mail_accounts WHERE id = ?'),
      synced: sqlite.prepare('UPDATE mail_accounts SET last_sync_at = ? WHERE id = ?'),
    };
  }

  list(): AccountSettings[] {
    return this.statements.all.all().map(rowToAccount);
  }

  get(id: string): AccountSettings {
    const row = this.statements.byId.get(id);
    if (!row) throw new AppError('not_found', 'That mail account does not exist on this computer.', 'accountId');
    return rowToAccount(row);
  }

  password(id: string): string | undefined {
    return this.secrets.get(passwordKey(id));
  }

  add(draft: MailAccountDraft, password: string): AccountSettings {
    if (this.statements.byEmail.get(normaliseEmail(draft.email))) {
      throw new AppError('duplicate', `${draft.email} is already connected on this computer.`, 'email');
    }
    const id = uuidv7();
    this.sqlite.transaction(() => {
      this.statements.insert.run({ id, email: draft.email.trim(), ...this.columns(draft), created_at: this.now() });
      this.secrets.set(passwordKey(id), password);
    })();
    return this.get(id);
  }

  update(id: string, patch: MailAccountPatch, password?: string): AccountSettings {
    const current = this.get(id);
    const next: MailAccountDraft = {
      email: current.email,
      displayName: patch.displayName ?? current.displayName,
      preset: patch.preset ?? current.preset,
      imap: patch.imap ?? current.imap,
      smtp: patch.smtp ?? current.smtp,
      folders: patch.folders ?? current.folders,
      windowMonths: patch.windowMonths ?? current.windowMonths,
      private: patch.private ?? current.private,
    };
    this.sqlite.transaction(() => {
      this.statements.update.run({ id, ...this.columns(next) });
      if (password !== undefined) this.secrets.set(passwordKey(id), password);
    })();
    return this.get(id);
  }

  /** The account and its sealed password; nothing of it is left on this laptop. */
  remove(id: string): void {
    this.get(id);
    this.sqlite.transaction(() => {
      this.statements.remove.run(id);
      this.secrets.delete(passwordKey(id));
    })();
  }

  markSynced(id: string): void {
    this.statements.synced.run(this.now(), id);
  }

  private columns(draft: MailAccountDraft) {
    return {
      display_name: draft.displayName,
      preset: draft.preset,
      imap_host: draft.imap.host,
      imap_port: draft.imap.port,
      imap_security: draft.imap.security,
      imap_username: draft.imap.username,
      smtp_host: draft.smtp.host,
      smtp_port: draft.smtp.port,
      smtp_security: draft.smtp.security,
      smtp_username: draft.smtp.username,
      folders: JSON.stringify([...new Set(draft.folders)]),
      window_months: draft.windowMonths,
      private: draft.private ? 1 : 0,
    };
  }
}
