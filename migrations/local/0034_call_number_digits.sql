ALTER TABLE `calls` ADD `number_rowid` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `calls_number_rowid` ON `calls` (`number_rowid`);--> statement-breakpoint
-- Any run of digits typed finds the calls whose number holds it (search.everything), through a
-- trigram index of the numbers rather than a LIKE over every number. Contentless, keyed by
-- calls.number_rowid and kept in step by the write path (src-main/search/call-number-index.ts);
-- existing calls are indexed here once.
CREATE VIRTUAL TABLE `call_digits_fts` USING fts5(
	number,
	content='', contentless_delete=1,
	tokenize='trigram'
);
--> statement-breakpoint
UPDATE `calls` SET `number_rowid` = rowid WHERE cl % 2 = 1 AND `number` <> '';
--> statement-breakpoint
INSERT INTO `call_digits_fts` (rowid, number) SELECT `number_rowid`, `number` FROM `calls` WHERE `number_rowid` IS NOT NULL;
