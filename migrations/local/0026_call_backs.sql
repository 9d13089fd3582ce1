ALTER TABLE `follow_ups` ADD `done_by` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `follow_ups_call_back` ON `follow_ups` (`call_id`,`due_at`) WHERE cl % 2 = 1 AND call_id IS NOT NULL AND sla_rule_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `follow_ups_call_back_due` ON `follow_ups` (`due_at`) WHERE cl % 2 = 1 AND call_id IS NOT NULL AND sla_rule_id IS NOT NULL;