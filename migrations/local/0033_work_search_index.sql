-- Full-text search over companies, deals, quotes and jobs for the search page, which matched them
-- with LIKE over whole tables (seconds at 100k contacts' worth of work). One contentless index per
-- kind over the text a person remembers of the record (the same text the LIKE read, the contact's
-- name included), kept in step by the write path (src-main/search/work-index.ts). The keys live in
-- one local table, never synced; a record gets a new key each time it is written, so walking an
-- index by key from the top reads the most recently written records first.
CREATE TABLE `search_work_keys` (
	`key` integer PRIMARY KEY,
	`kind` text NOT NULL,
	`id` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_work_keys_record` ON `search_work_keys` (`kind`, `id`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `companies_fts` USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
--> statement-breakpoint
CREATE VIRTUAL TABLE `deals_fts` USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
--> statement-breakpoint
CREATE VIRTUAL TABLE `quotes_fts` USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
--> statement-breakpoint
CREATE VIRTUAL TABLE `jobs_fts` USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
--> statement-breakpoint
INSERT INTO `search_work_keys` (`kind`, `id`) SELECT 'company', `id` FROM `companies` WHERE cl % 2 = 1 ORDER BY `updated_at`, `id`;
--> statement-breakpoint
INSERT INTO `search_work_keys` (`kind`, `id`) SELECT 'deal', `id` FROM `deals` WHERE cl % 2 = 1 ORDER BY `updated_at`, `id`;
--> statement-breakpoint
INSERT INTO `search_work_keys` (`kind`, `id`)
SELECT 'quote', q.`id` FROM `quotes` q JOIN `deals` d ON d.`id` = q.`deal_id` AND d.cl % 2 = 1 WHERE q.cl % 2 = 1 ORDER BY q.`updated_at`, q.`id`;
--> statement-breakpoint
INSERT INTO `search_work_keys` (`kind`, `id`) SELECT 'job', `id` FROM `jobs` WHERE cl % 2 = 1 ORDER BY `updated_at`, `id`;
--> statement-breakpoint
INSERT INTO `companies_fts` (rowid, text)
SELECT k.`key`, co.`name` || ' ' || co.`domains` || ' ' || co.`address` || ' ' || co.`phone`
FROM `search_work_keys` k JOIN `companies` co ON co.`id` = k.`id` WHERE k.`kind` = 'company';
--> statement-breakpoint
INSERT INTO `deals_fts` (rowid, text)
SELECT k.`key`, d.`title` || ' ' || COALESCE(c.`name`, '')
FROM `search_work_keys` k JOIN `deals` d ON d.`id` = k.`id` LEFT JOIN `contacts` c ON c.`id` = d.`contact_id` AND c.cl % 2 = 1
WHERE k.`kind` = 'deal';
--> statement-breakpoint
INSERT INTO `quotes_fts` (rowid, text)
SELECT k.`key`, q.`number` || ' ' || d.`title` || ' ' || COALESCE(c.`name`, '') || ' ' || q.`notes`
FROM `search_work_keys` k JOIN `quotes` q ON q.`id` = k.`id` JOIN `deals` d ON d.`id` = q.`deal_id`
LEFT JOIN `contacts` c ON c.`id` = q.`contact_id` AND c.cl % 2 = 1
WHERE k.`kind` = 'quote';
--> statement-breakpoint
INSERT INTO `jobs_fts` (rowid, text)
SELECT k.`key`, j.`title` || ' ' || j.`description` || ' ' || j.`address` || ' ' || COALESCE(c.`name`, '')
FROM `search_work_keys` k JOIN `jobs` j ON j.`id` = k.`id` LEFT JOIN `contacts` c ON c.`id` = j.`contact_id` AND c.cl % 2 = 1
WHERE k.`kind` = 'job';
