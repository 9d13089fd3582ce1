CREATE INDEX `changes_hlc` ON `changes` (`hlc`,`change_id`);--> statement-breakpoint
CREATE INDEX `changes_author_hlc` ON `changes` (`author`,`hlc`,`change_id`);