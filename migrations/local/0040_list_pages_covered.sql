-- The contacts list's pages read off indexes: its sort indexes (all but the name index, which every
-- search walks) carry the columns it filters on, and cl, so a filtered page no longer reads each
-- passed contact's row; a page's tags come off an index of present tags by contact
-- (src-main/db/schema.ts; BENCHMARKS.md, "tails").
DROP INDEX `contacts_alive_company`;--> statement-breakpoint
DROP INDEX `contacts_alive_updated`;--> statement-breakpoint
DROP INDEX `contacts_alive_created`;--> statement-breakpoint
DROP INDEX `contacts_alive_follow_up`;--> statement-breakpoint
DROP INDEX `contacts_alive_status`;--> statement-breakpoint
DROP INDEX `contacts_alive_type`;--> statement-breakpoint
DROP INDEX `contacts_alive_owner`;--> statement-breakpoint
DROP INDEX `contacts_alive_value`;--> statement-breakpoint
CREATE INDEX `contacts_alive_company` ON `contacts` ("company" COLLATE NOCASE,`id`,`contact_type`,`status`,`owner`,`cl`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `contacts_alive_updated` ON `contacts` (`updated_at`,`id`,`contact_type`,`status`,`owner`,`cl`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `contacts_alive_created` ON `contacts` (`created_at`,`id`,`contact_type`,`status`,`owner`,`cl`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `contacts_alive_follow_up` ON `contacts` (`next_follow_up_at`,`id`,`contact_type`,`status`,`owner`,`cl`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `contacts_alive_status` ON `contacts` (`status`,"name" COLLATE NOCASE,`id`,`contact_type`,`owner`,`cl`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `contacts_alive_type` ON `contacts` (`contact_type`,"name" COLLATE NOCASE,`id`,`status`,`owner`,`cl`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `contacts_alive_owner` ON `contacts` (`owner`,"name" COLLATE NOCASE,`id`,`contact_type`,`status`,`cl`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `contacts_alive_value` ON `contacts` (`potential_value_minor`,`id`,`contact_type`,`status`,`owner`,`cl`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `contact_tags_present_contact` ON `contact_tags` (`contact_id`,`tag`) WHERE present = 1;
