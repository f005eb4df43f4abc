ALTER TABLE `services` ADD `contact_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `email` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `phone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `url` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `structure_types` text DEFAULT '[]' NOT NULL;