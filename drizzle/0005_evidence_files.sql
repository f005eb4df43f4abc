CREATE TABLE `evidence_files` (
	`id` text PRIMARY KEY NOT NULL,
	`diagnostic_id` text NOT NULL,
	`question_code` text NOT NULL,
	`hash` text NOT NULL,
	`size` integer NOT NULL,
	`mime` text NOT NULL,
	`name` text NOT NULL,
	`uploaded_by` text,
	`uploaded_at` text NOT NULL,
	`carried_from_id` text,
	FOREIGN KEY (`diagnostic_id`) REFERENCES `diagnostics`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `evidence_files_answer` ON `evidence_files` (`diagnostic_id`,`question_code`);--> statement-breakpoint
CREATE INDEX `evidence_files_hash` ON `evidence_files` (`hash`);--> statement-breakpoint
CREATE INDEX `evidence_files_uploaded_by` ON `evidence_files` (`uploaded_by`);