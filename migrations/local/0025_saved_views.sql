CREATE TABLE `saved_views` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`list_id` text DEFAULT 'contacts' NOT NULL,
	`state` text DEFAULT '{}' NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`shared` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT 0 NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	`cl` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `saved_views_alive_list` ON `saved_views` (`list_id`,"name" COLLATE NOCASE,`id`) WHERE cl % 2 = 1;