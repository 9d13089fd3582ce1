CREATE TABLE `changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`change_id` text NOT NULL,
	`hlc` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`fields` text NOT NULL,
	`schema_version` integer NOT NULL,
	`device_id` text NOT NULL,
	`author` text DEFAULT '' NOT NULL,
	`local` integer DEFAULT 1 NOT NULL,
	`pushed` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `changes_change_id_unique` ON `changes` (`change_id`);--> statement-breakpoint
CREATE INDEX `changes_row` ON `changes` (`table_name`,`row_id`);--> statement-breakpoint
CREATE INDEX `changes_outbox` ON `changes` (`local`,`pushed`);--> statement-breakpoint
CREATE TABLE `contact_emails` (
	`contact_id` text NOT NULL,
	`position` integer NOT NULL,
	`type` text NOT NULL,
	`address` text NOT NULL,
	PRIMARY KEY(`contact_id`, `position`)
);
--> statement-breakpoint
CREATE INDEX `contact_emails_address` ON `contact_emails` (`address`);--> statement-breakpoint
CREATE TABLE `contact_phones` (
	`contact_id` text NOT NULL,
	`position` integer NOT NULL,
	`type` text NOT NULL,
	`e164` text NOT NULL,
	PRIMARY KEY(`contact_id`, `position`)
);
--> statement-breakpoint
CREATE INDEX `contact_phones_e164` ON `contact_phones` (`e164`);--> statement-breakpoint
CREATE TABLE `contact_tags` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_id` text DEFAULT '' NOT NULL,
	`tag` text DEFAULT '' NOT NULL,
	`present` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contact_tags_tag` ON `contact_tags` (`tag`,`present`);--> statement-breakpoint
CREATE INDEX `contact_tags_contact` ON `contact_tags` (`contact_id`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text DEFAULT 'person' NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`company` text DEFAULT '' NOT NULL,
	`job_title` text DEFAULT '' NOT NULL,
	`phones` text DEFAULT '[]' NOT NULL,
	`emails` text DEFAULT '[]' NOT NULL,
	`address_street` text DEFAULT '' NOT NULL,
	`address_city` text DEFAULT '' NOT NULL,
	`address_region` text DEFAULT '' NOT NULL,
	`address_postcode` text DEFAULT '' NOT NULL,
	`address_country` text DEFAULT '' NOT NULL,
	`contact_type` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`next_follow_up_at` integer,
	`potential_value_minor` integer,
	`potential_value_currency` text,
	`summary` text DEFAULT '' NOT NULL,
	`do_not_contact` integer DEFAULT 0 NOT NULL,
	`custom_fields` text DEFAULT '{}' NOT NULL,
	`created_at` integer DEFAULT 0 NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	`cl` integer DEFAULT 1 NOT NULL,
	`search_rowid` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_search_rowid` ON `contacts` (`search_rowid`);--> statement-breakpoint
CREATE INDEX `contacts_alive_name` ON `contacts` ("name" COLLATE NOCASE,`id`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `contacts_alive_company` ON `contacts` ("company" COLLATE NOCASE,`id`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `contacts_alive_updated` ON `contacts` (`updated_at`,`id`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `contacts_alive_created` ON `contacts` (`created_at`,`id`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `contacts_alive_follow_up` ON `contacts` (`next_follow_up_at`,`id`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `contacts_alive_status` ON `contacts` (`status`,"name" COLLATE NOCASE,`id`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `contacts_alive_type` ON `contacts` (`contact_type`,"name" COLLATE NOCASE,`id`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `contacts_alive_owner` ON `contacts` (`owner`,"name" COLLATE NOCASE,`id`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `contacts_alive_value` ON `contacts` (`potential_value_minor`,`id`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE TABLE `local_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `pending_changes` (
	`change_id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`fields` text NOT NULL,
	`schema_version` integer NOT NULL,
	`device_id` text NOT NULL,
	`author` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `row_clocks` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`clocks` text NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`)
);
