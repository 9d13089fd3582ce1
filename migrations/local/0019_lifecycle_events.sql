CREATE TABLE `lifecycle_events` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_id` text DEFAULT '' NOT NULL,
	`stage` text DEFAULT 'lead' NOT NULL,
	`previous_stage` text,
	`at` integer DEFAULT 0 NOT NULL,
	`by` text DEFAULT '' NOT NULL,
	`cl` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `lifecycle_events_contact` ON `lifecycle_events` (`contact_id`,`at`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `lifecycle_events_stage` ON `lifecycle_events` (`stage`,`at`,`contact_id`) WHERE cl % 2 = 1;