CREATE TABLE `referrals` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_id` text DEFAULT '' NOT NULL,
	`partner_id` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT 0 NOT NULL,
	`by` text DEFAULT '' NOT NULL,
	`cl` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `referrals_contact` ON `referrals` (`contact_id`,`created_at`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `referrals_partner` ON `referrals` (`partner_id`,`contact_id`) WHERE cl % 2 = 1;--> statement-breakpoint
ALTER TABLE `jobs` ADD `reach_phone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `jobs` ADD `reach_email` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `jobs` ADD `reach_company` text DEFAULT '' NOT NULL;