-- The dashboard's contact figures (live contacts by status and by type; open potential value per
-- currency: live, neither won nor lost, with a value), kept exact by triggers in the transaction
-- of every write to contacts — local edits, imports and changes from other devices alike — so the
-- dashboard reads a few rows instead of every contact. A row whose count fell to 0 stays and is
-- not shown.
CREATE TABLE `contact_figures` (
  `figure` text NOT NULL,
  `key` text NOT NULL,
  `contacts` integer NOT NULL DEFAULT 0,
  `amount_minor` integer NOT NULL DEFAULT 0,
  PRIMARY KEY (`figure`, `key`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO contact_figures (figure, key, contacts, amount_minor)
  SELECT 'status', status, COUNT(*), 0 FROM contacts WHERE cl % 2 = 1 GROUP BY status;
--> statement-breakpoint
INSERT INTO contact_figures (figure, key, contacts, amount_minor)
  SELECT 'type', contact_type, COUNT(*), 0 FROM contacts WHERE cl % 2 = 1 GROUP BY contact_type;
--> statement-breakpoint
INSERT INTO contact_figures (figure, key, contacts, amount_minor)
  SELECT 'open_value', coalesce(potential_value_currency, ''), COUNT(*), SUM(potential_value_minor) FROM contacts
  WHERE cl % 2 = 1 AND status NOT IN ('won', 'lost') AND potential_value_minor IS NOT NULL
  GROUP BY coalesce(potential_value_currency, '');
--> statement-breakpoint
CREATE TRIGGER `contact_figures_insert` AFTER INSERT ON `contacts` BEGIN
  INSERT INTO contact_figures (figure, key, contacts, amount_minor)
    SELECT 'status', NEW.status, 1, 0 WHERE NEW.cl % 2 = 1
    ON CONFLICT (figure, key) DO UPDATE SET contacts = contacts + excluded.contacts;
  INSERT INTO contact_figures (figure, key, contacts, amount_minor)
    SELECT 'type', NEW.contact_type, 1, 0 WHERE NEW.cl % 2 = 1
    ON CONFLICT (figure, key) DO UPDATE SET contacts = contacts + excluded.contacts;
  INSERT INTO contact_figures (figure, key, contacts, amount_minor)
    SELECT 'open_value', coalesce(NEW.potential_value_currency, ''), 1, NEW.potential_value_minor
    WHERE NEW.cl % 2 = 1 AND NEW.status NOT IN ('won', 'lost') AND NEW.potential_value_minor IS NOT NULL
    ON CONFLICT (figure, key) DO UPDATE SET contacts = contacts + excluded.contacts, amount_minor = amount_minor + excluded.amount_minor;
END;
--> statement-breakpoint
CREATE TRIGGER `contact_figures_delete` AFTER DELETE ON `contacts` BEGIN
  INSERT INTO contact_figures (figure, key, contacts, amount_minor)
    SELECT 'status', OLD.status, -1, 0 WHERE OLD.cl % 2 = 1
    ON CONFLICT (figure, key) DO UPDATE SET contacts = contacts + excluded.contacts;
  INSERT INTO contact_figures (figure, key, contacts, amount_minor)
    SELECT 'type', OLD.contact_type, -1, 0 WHERE OLD.cl % 2 = 1
    ON CONFLICT (figure, key) DO UPDATE SET contacts = contacts + excluded.contacts;
  INSERT INTO contact_figures (figure, key, contacts, amount_minor)
    SELECT 'open_value', coalesce(OLD.potential_value_currency, ''), -1, -OLD.potential_value_minor
    WHERE OLD.cl % 2 = 1 AND OLD.status NOT IN ('won', 'lost') AND OLD.potential_value_minor IS NOT NULL
    ON CONFLICT (figure, key) DO UPDATE SET contacts = contacts + excluded.contacts, amount_minor = amount_minor + excluded.amount_minor;
END;
--> statement-breakpoint
CREATE TRIGGER `contact_figures_update` AFTER UPDATE OF `cl`, `status`, `contact_type`, `potential_value_minor`, `potential_value_currency` ON `contacts` BEGIN
  INSERT INTO contact_figures (figure, key, contacts, amount_minor)
    SELECT 'status', OLD.status, -1, 0 WHERE OLD.cl % 2 = 1
    ON CONFLICT (figure, key) DO UPDATE SET contacts = contacts + excluded.contacts;
  INSERT INTO contact_figures (figure, key, contacts, amount_minor)
    SELECT 'type', OLD.contact_type, -1, 0 WHERE OLD.cl % 2 = 1
    ON CONFLICT (figure, key) DO UPDATE SET contacts = contacts + excluded.contacts;
  INSERT INTO contact_figures (figure, key, contacts, amount_minor)
    SELECT 'open_value', coalesce(OLD.potential_value_currency, ''), -1, -OLD.potential_value_minor
    WHERE OLD.cl % 2 = 1 AND OLD.status NOT IN ('won', 'lost') AND OLD.potential_value_minor IS NOT NULL
    ON CONFLICT (figure, key) DO UPDATE SET contacts = contacts + excluded.contacts, amount_minor = amount_minor + excluded.amount_minor;
  INSERT INTO contact_figures (figure, key, contacts, amount_minor)
    SELECT 'status', NEW.status, 1, 0 WHERE NEW.cl % 2 = 1
    ON CONFLICT (figure, key) DO UPDATE SET contacts = contacts + excluded.contacts;
  INSERT INTO contact_figures (figure, key, contacts, amount_minor)
    SELECT 'type', NEW.contact_type, 1, 0 WHERE NEW.cl % 2 = 1
    ON CONFLICT (figure, key) DO UPDATE SET contacts = contacts + excluded.contacts;
  INSERT INTO contact_figures (figure, key, contacts, amount_minor)
    SELECT 'open_value', coalesce(NEW.potential_value_currency, ''), 1, NEW.potential_value_minor
    WHERE NEW.cl % 2 = 1 AND NEW.status NOT IN ('won', 'lost') AND NEW.potential_value_minor IS NOT NULL
    ON CONFLICT (figure, key) DO UPDATE SET contacts = contacts + excluded.contacts, amount_minor = amount_minor + excluded.amount_minor;
END;
--> statement-breakpoint
-- Live contacts by id alone: whether a follow-up's contact is live is then answered from this
-- index, without reading the contact's row (the dashboard's overdue and due-today counts).
CREATE INDEX `contacts_alive_id` ON `contacts` (`id`) WHERE cl % 2 = 1;
