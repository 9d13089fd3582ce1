-- follow_ups.contact_live says whether a follow-up's contact is live, so that counting open
-- follow-ups (the dashboard's overdue and today, the sidebar's badge, the follow-ups screen's
-- totals) reads one partial index instead of looking up every follow-up's contact: at 100k
-- contacts the dashboard's overdue count took ~100 ms in those lookups. Kept exact by the
-- triggers below in the transaction of every write, local or from another device. The updates
-- of follow-ups from contacts name `cl % 2 = 1` so that they use follow_ups_contact; a deleted
-- follow-up's flag may go stale and is worked out again when it comes back.
UPDATE follow_ups SET contact_live = EXISTS (SELECT 1 FROM contacts c WHERE c.id = follow_ups.contact_id AND c.cl % 2 = 1);
--> statement-breakpoint
CREATE TRIGGER `follow_ups_contact_live_insert` AFTER INSERT ON `follow_ups` BEGIN
  UPDATE follow_ups SET contact_live = EXISTS (SELECT 1 FROM contacts c WHERE c.id = NEW.contact_id AND c.cl % 2 = 1)
  WHERE rowid = NEW.rowid AND contact_live <> (EXISTS (SELECT 1 FROM contacts c WHERE c.id = NEW.contact_id AND c.cl % 2 = 1));
END;
--> statement-breakpoint
CREATE TRIGGER `follow_ups_contact_live_update` AFTER UPDATE OF contact_id, cl ON `follow_ups` BEGIN
  UPDATE follow_ups SET contact_live = EXISTS (SELECT 1 FROM contacts c WHERE c.id = NEW.contact_id AND c.cl % 2 = 1)
  WHERE rowid = NEW.rowid AND contact_live <> (EXISTS (SELECT 1 FROM contacts c WHERE c.id = NEW.contact_id AND c.cl % 2 = 1));
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_follow_ups_live_insert` AFTER INSERT ON `contacts` WHEN NEW.cl % 2 = 1 BEGIN
  UPDATE follow_ups SET contact_live = 1 WHERE contact_id = NEW.id AND cl % 2 = 1 AND contact_live = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_follow_ups_live_update` AFTER UPDATE OF cl ON `contacts` WHEN (OLD.cl % 2) <> (NEW.cl % 2) BEGIN
  UPDATE follow_ups SET contact_live = NEW.cl % 2 WHERE contact_id = NEW.id AND cl % 2 = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_follow_ups_live_delete` AFTER DELETE ON `contacts` BEGIN
  UPDATE follow_ups SET contact_live = 0 WHERE contact_id = OLD.id AND cl % 2 = 1;
END;
--> statement-breakpoint
-- contacts_alive_id served only the dashboard's follow-up counts, which no longer look up
-- contacts; every contact written paid for it.
DROP INDEX IF EXISTS `contacts_alive_id`;
