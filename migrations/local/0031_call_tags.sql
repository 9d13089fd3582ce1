CREATE TABLE `call_tags` (
	`id` text PRIMARY KEY NOT NULL,
	`call_id` text DEFAULT '' NOT NULL,
	`tag` text DEFAULT '' NOT NULL,
	`present` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `call_tags_call` ON `call_tags` (`call_id`,`present`);--> statement-breakpoint
CREATE INDEX `call_tags_tag` ON `call_tags` ("tag" COLLATE NOCASE,`present`,`call_id`);