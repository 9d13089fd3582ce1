CREATE TABLE `segment_members` (
	`id` text PRIMARY KEY NOT NULL,
	`segment_id` text DEFAULT '' NOT NULL,
	`contact_id` text DEFAULT '' NOT NULL,
	`cl` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `segment_members_segment` ON `segment_members` (`segment_id`);--> statement-breakpoint
CREATE INDEX `segment_members_contact` ON `segment_members` (`contact_id`);--> statement-breakpoint
CREATE INDEX `quotes_contact` ON `quotes` (`contact_id`) WHERE cl % 2 = 1;