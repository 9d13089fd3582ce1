CREATE TABLE `segments` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`kind` text DEFAULT 'dynamic' NOT NULL,
	`definition` text DEFAULT '{"type":"group","join":"and","children":[]}' NOT NULL,
	`member_ids` text DEFAULT '[]' NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`shared` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT 0 NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	`cl` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `segments_alive_name` ON `segments` ("name" COLLATE NOCASE,`id`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `contacts_alive_city` ON `contacts` ("address_city" COLLATE NOCASE,`id`) WHERE cl % 2 = 1;