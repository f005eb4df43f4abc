CREATE TABLE `peer_statistics` (
	`region` text NOT NULL,
	`types` text NOT NULL,
	`organisations` integer NOT NULL,
	`overall_sum` real NOT NULL,
	`overall_count` integer NOT NULL,
	`themes` text NOT NULL,
	`bands` text NOT NULL,
	`questions` text NOT NULL,
	PRIMARY KEY(`region`, `types`)
);
--> statement-breakpoint
CREATE TABLE `plan_stats` (
	`diagnostic_id` text PRIMARY KEY NOT NULL,
	`total` integer NOT NULL,
	`done` integer NOT NULL,
	`first_open_due` text,
	`open_dues` text NOT NULL,
	`open_services` text NOT NULL,
	FOREIGN KEY (`diagnostic_id`) REFERENCES `diagnostics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `service_follow_up` (
	`organisation_id` text PRIMARY KEY NOT NULL,
	`diagnostic_id` text NOT NULL,
	`services` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`diagnostic_id`) REFERENCES `diagnostics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `service_follow_up_diagnostic` ON `service_follow_up` (`diagnostic_id`);--> statement-breakpoint
ALTER TABLE `diagnostics` ADD `changes_requested_at` text;--> statement-breakpoint
CREATE INDEX `diagnostics_status_submitted` ON `diagnostics` (`status`,`submitted_at`);--> statement-breakpoint
ALTER TABLE `organisations` ADD `sort_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `latest_diagnostic_id` text REFERENCES diagnostics(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `organisations` ADD `settled_diagnostic_id` text REFERENCES diagnostics(id) ON DELETE set null;--> statement-breakpoint
CREATE INDEX `organisations_sort` ON `organisations` (`sort_name`,`id`);--> statement-breakpoint
ALTER TABLE `review_comments` ADD `parent_id` text REFERENCES review_comments(id) ON DELETE cascade;--> statement-breakpoint
ALTER TABLE `review_comments` ADD `resolved_at` text;--> statement-breakpoint
ALTER TABLE `review_comments` ADD `resolved_by` text REFERENCES users(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `review_comments` ADD `member_replied_at` text;--> statement-breakpoint
CREATE INDEX `review_comments_parent` ON `review_comments` (`parent_id`);--> statement-breakpoint
CREATE INDEX `review_comments_resolved_by` ON `review_comments` (`resolved_by`);--> statement-breakpoint
CREATE INDEX `review_comments_member_replied` ON `review_comments` (`member_replied_at`) WHERE member_replied_at IS NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `sort_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `users_sort` ON `users` (`sort_name`,`id`);