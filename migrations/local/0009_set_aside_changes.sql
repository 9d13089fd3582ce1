CREATE TABLE `set_aside_changes` (
	`change_id` text PRIMARY KEY NOT NULL,
	`hlc` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`fields` text NOT NULL,
	`schema_version` integer NOT NULL,
	`device_id` text NOT NULL,
	`author` text DEFAULT '' NOT NULL,
	`reason` text NOT NULL,
	`set_aside_at` integer NOT NULL,
	`app_version` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `set_aside_changes_time` ON `set_aside_changes` (`set_aside_at`);