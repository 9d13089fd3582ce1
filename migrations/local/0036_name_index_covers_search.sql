DROP INDEX `contacts_alive_name`;--> statement-breakpoint
CREATE INDEX `contacts_alive_name` ON `contacts` ("name" COLLATE NOCASE,`id`,`search_rowid`) WHERE cl % 2 = 1;