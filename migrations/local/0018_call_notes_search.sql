ALTER TABLE `calls` ADD `notes_rowid` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `calls_notes_rowid` ON `calls` (`notes_rowid`);--> statement-breakpoint
-- Full-text search over what was noted on a call, for the search page (transcripts have their own
-- index, calls_fts). Contentless, keyed by calls.notes_rowid and kept in step by the write path
-- (src-main/search/call-notes-index.ts); existing calls are indexed here once.
CREATE VIRTUAL TABLE `call_notes_fts` USING fts5(
	body,
	content='', contentless_delete=1,
	tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
--> statement-breakpoint
UPDATE `calls` SET `notes_rowid` = rowid WHERE cl % 2 = 1 AND `notes` <> '';
--> statement-breakpoint
INSERT INTO `call_notes_fts` (rowid, body) SELECT `notes_rowid`, `notes` FROM `calls` WHERE `notes_rowid` IS NOT NULL;
