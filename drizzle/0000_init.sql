CREATE TABLE `actions` (
	`id` text PRIMARY KEY NOT NULL,
	`diagnostic_id` text NOT NULL,
	`question_code` text,
	`origin` text NOT NULL,
	`carried_from_id` text,
	`theme_slug` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`services` text NOT NULL,
	`priority` text NOT NULL,
	`rank` integer DEFAULT 0 NOT NULL,
	`quick_win` integer DEFAULT false NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`due_date` text,
	`status` text DEFAULT 'todo' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`dropped_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`diagnostic_id`) REFERENCES `diagnostics`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `actions_diag` ON `actions` (`diagnostic_id`);--> statement-breakpoint
CREATE TABLE `answers` (
	`diagnostic_id` text NOT NULL,
	`question_code` text NOT NULL,
	`level` integer,
	`na` integer DEFAULT false NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`updated_by` text,
	`updated_by_role` text,
	`updated_at` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`prefilled_from` text,
	PRIMARY KEY(`diagnostic_id`, `question_code`),
	FOREIGN KEY (`diagnostic_id`) REFERENCES `diagnostics`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`organisation_id` text,
	`diagnostic_id` text,
	`before` text,
	`after` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_diag` ON `audit_events` (`diagnostic_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_user` ON `audit_events` (`user_id`);--> statement-breakpoint
CREATE INDEX `audit_at` ON `audit_events` (`at`);--> statement-breakpoint
CREATE TABLE `consultant_regions` (
	`user_id` text NOT NULL,
	`region` text NOT NULL,
	PRIMARY KEY(`user_id`, `region`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `diagnostics` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`referential_id` text NOT NULL,
	`status` text NOT NULL,
	`mode` text NOT NULL,
	`participants` text NOT NULL,
	`previous_id` text,
	`created_by` text,
	`created_at` text NOT NULL,
	`submitted_at` text,
	`submitted_by` text,
	`validated_at` text,
	`validated_by` text,
	`review_message` text,
	`overall_score` real,
	`theme_scores` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`referential_id`) REFERENCES `referentials`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`validated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `diagnostics_org_created` ON `diagnostics` (`organisation_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`user_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `organisation_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `memberships_org` ON `memberships` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`siret` text NOT NULL,
	`types` text NOT NULL,
	`region` text NOT NULL,
	`fte_permanent` real DEFAULT 0 NOT NULL,
	`fte_pathway` real DEFAULT 0 NOT NULL,
	`ges` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `organisations_region` ON `organisations` (`region`);--> statement-breakpoint
CREATE INDEX `organisations_name` ON `organisations` (`name`);--> statement-breakpoint
CREATE TABLE `referentials` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`document` text NOT NULL,
	`checksum` text NOT NULL,
	`status` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`builtin` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`published_at` text
);
--> statement-breakpoint
CREATE TABLE `review_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`diagnostic_id` text NOT NULL,
	`target_kind` text NOT NULL,
	`target` text DEFAULT '' NOT NULL,
	`author_id` text,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`diagnostic_id`) REFERENCES `diagnostics`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `review_comments_diag` ON `review_comments` (`diagnostic_id`);--> statement-breakpoint
CREATE TABLE `services` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`description` text NOT NULL,
	`contact` text NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email` ON `users` (`email`);