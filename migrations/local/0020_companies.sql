CREATE TABLE `companies` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`domains` text DEFAULT '[]' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`primary_contact_id` text,
	`created_at` integer DEFAULT 0 NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	`cl` integer DEFAULT 1 NOT NULL,
	`merged_into` text
);
--> statement-breakpoint
CREATE INDEX `companies_alive_name` ON `companies` ("name" COLLATE NOCASE,`id`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE TABLE `merge_undo` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `contacts` ADD `company_id` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `decision_maker` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `merged_into` text;--> statement-breakpoint
CREATE INDEX `contacts_alive_company_id` ON `contacts` (`company_id`) WHERE cl % 2 = 1;