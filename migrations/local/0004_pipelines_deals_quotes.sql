CREATE TABLE `deal_stage_events` (
	`id` text PRIMARY KEY NOT NULL,
	`deal_id` text DEFAULT '' NOT NULL,
	`pipeline_id` text DEFAULT '' NOT NULL,
	`from_stage_id` text,
	`to_stage_id` text DEFAULT '' NOT NULL,
	`at` integer DEFAULT 0 NOT NULL,
	`moved_by` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `deal_stage_events_deal` ON `deal_stage_events` (`deal_id`,`at`);--> statement-breakpoint
CREATE INDEX `deal_stage_events_pipeline` ON `deal_stage_events` (`pipeline_id`,`at`);--> statement-breakpoint
CREATE TABLE `deals` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_id` text DEFAULT '' NOT NULL,
	`pipeline_id` text DEFAULT '' NOT NULL,
	`stage_id` text DEFAULT '' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`value_minor` integer DEFAULT 0 NOT NULL,
	`currency` text DEFAULT 'GBP' NOT NULL,
	`probability_bp` integer,
	`expected_close_at` integer,
	`owner` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`close_reason` text DEFAULT '' NOT NULL,
	`closed_at` integer,
	`created_at` integer DEFAULT 0 NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	`cl` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `deals_board` ON `deals` (`pipeline_id`,`stage_id`,`updated_at`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `deals_contact` ON `deals` (`contact_id`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `deals_owner` ON `deals` (`owner`,`created_at`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE TABLE `pipelines` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT 0 NOT NULL,
	`cl` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` text PRIMARY KEY NOT NULL,
	`deal_id` text DEFAULT '' NOT NULL,
	`contact_id` text DEFAULT '' NOT NULL,
	`number` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`currency` text DEFAULT 'GBP' NOT NULL,
	`lines` text DEFAULT '[]' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`valid_until` integer,
	`sent_at` integer,
	`file_id` text,
	`created_at` integer DEFAULT 0 NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	`cl` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `quotes_deal` ON `quotes` (`deal_id`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `quotes_status` ON `quotes` (`status`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE TABLE `stages` (
	`id` text PRIMARY KEY NOT NULL,
	`pipeline_id` text DEFAULT '' NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`probability_bp` integer DEFAULT 0 NOT NULL,
	`expected_days` integer,
	`outcome` text DEFAULT 'open' NOT NULL,
	`cl` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `stages_pipeline` ON `stages` (`pipeline_id`,`position`) WHERE cl % 2 = 1;