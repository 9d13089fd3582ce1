CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_id` text DEFAULT '' NOT NULL,
	`deal_id` text,
	`call_id` text,
	`title` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`priority` text DEFAULT 'normal' NOT NULL,
	`assignee` text DEFAULT '' NOT NULL,
	`scheduled_at` integer,
	`address` text DEFAULT '' NOT NULL,
	`invoiced_minor` integer,
	`currency` text DEFAULT 'GBP' NOT NULL,
	`paid_at` integer,
	`created_by` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT 0 NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	`cl` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `jobs_created` ON `jobs` (`created_at`,`id`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `jobs_status` ON `jobs` (`status`,`created_at`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `jobs_scheduled` ON `jobs` (`scheduled_at`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `jobs_contact` ON `jobs` (`contact_id`,`created_at`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `jobs_call` ON `jobs` (`call_id`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `jobs_deal` ON `jobs` (`deal_id`) WHERE cl % 2 = 1;--> statement-breakpoint
ALTER TABLE `calls` ADD `value_estimate_minor` integer;--> statement-breakpoint
CREATE INDEX `calls_filtered` ON `calls` (`disposition`,`direction`,`started_at`,`duration_seconds`,`id`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `calls_untriaged` ON `calls` (`emergency`,`started_at`,`id`) WHERE cl % 2 = 1 AND disposition = '' AND spam = 0;