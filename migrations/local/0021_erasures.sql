CREATE TABLE `erased_rows` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`erasure_id` text NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`)
);
--> statement-breakpoint
CREATE TABLE `erasures` (
	`id` text PRIMARY KEY NOT NULL,
	`rows` text DEFAULT '[]' NOT NULL,
	`erased_at` integer DEFAULT 0 NOT NULL,
	`erased_by` text DEFAULT '' NOT NULL
);
