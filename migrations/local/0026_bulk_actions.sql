CREATE TABLE `bulk_action_rows` (
	`action_id` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`before` text,
	PRIMARY KEY(`action_id`, `table_name`, `row_id`)
);
--> statement-breakpoint
CREATE TABLE `bulk_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`list` text NOT NULL,
	`action` text NOT NULL,
	`label` text NOT NULL,
	`state` text NOT NULL,
	`total` integer NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`changed` integer DEFAULT 0 NOT NULL,
	`error` text,
	`created_at` integer NOT NULL,
	`finished_at` integer
);
