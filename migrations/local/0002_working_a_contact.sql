CREATE TABLE `calls` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_id` text,
	`direction` text DEFAULT 'inbound' NOT NULL,
	`number` text DEFAULT '' NOT NULL,
	`started_at` integer DEFAULT 0 NOT NULL,
	`duration_seconds` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'completed' NOT NULL,
	`disposition` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`recording_sha256` text,
	`transcript` text DEFAULT '' NOT NULL,
	`provider` text DEFAULT 'manual' NOT NULL,
	`provider_id` text,
	`spam` integer DEFAULT 0 NOT NULL,
	`emergency` integer DEFAULT 0 NOT NULL,
	`logged_by` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT 0 NOT NULL,
	`cl` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `calls_started` ON `calls` (`started_at`,`id`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `calls_contact` ON `calls` (`contact_id`,`started_at`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `calls_number` ON `calls` (`number`,`started_at`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `calls_direction` ON `calls` (`direction`,`started_at`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `calls_disposition` ON `calls` (`disposition`,`started_at`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE UNIQUE INDEX `calls_provider_id` ON `calls` (`provider`,`provider_id`);--> statement-breakpoint
CREATE TABLE `files` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_id` text DEFAULT '' NOT NULL,
	`sha256` text DEFAULT '' NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`mime_type` text DEFAULT 'application/octet-stream' NOT NULL,
	`size_bytes` integer DEFAULT 0 NOT NULL,
	`category` text DEFAULT 'document' NOT NULL,
	`added_by` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT 0 NOT NULL,
	`deleted_at` integer,
	`cl` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `files_contact` ON `files` (`contact_id`,`created_at`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `files_sha` ON `files` (`sha256`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_id` text DEFAULT '' NOT NULL,
	`call_id` text,
	`title` text DEFAULT '' NOT NULL,
	`due_at` integer DEFAULT 0 NOT NULL,
	`assignee` text DEFAULT '' NOT NULL,
	`priority` text DEFAULT 'normal' NOT NULL,
	`done_at` integer,
	`sla_rule_id` text,
	`created_by` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT 0 NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	`cl` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `follow_ups_open_due` ON `follow_ups` (`due_at`,`id`) WHERE cl % 2 = 1 AND done_at IS NULL;--> statement-breakpoint
CREATE INDEX `follow_ups_contact` ON `follow_ups` (`contact_id`,`due_at`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `follow_ups_done` ON `follow_ups` (`done_at`) WHERE cl % 2 = 1 AND done_at IS NOT NULL;--> statement-breakpoint
CREATE TABLE `notes` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_id` text DEFAULT '' NOT NULL,
	`kind` text DEFAULT 'internal' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`pinned` integer DEFAULT 0 NOT NULL,
	`author` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT 0 NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	`cl` integer DEFAULT 1 NOT NULL,
	`search_rowid` integer
);
--> statement-breakpoint
CREATE INDEX `notes_contact` ON `notes` (`contact_id`,`created_at`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE UNIQUE INDEX `notes_search_rowid` ON `notes` (`search_rowid`);--> statement-breakpoint
CREATE TABLE `reminders_shown` (
	`follow_up_id` text PRIMARY KEY NOT NULL,
	`shown_at` integer NOT NULL
);
