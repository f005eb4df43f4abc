CREATE TABLE `service_follow_up` (
	`organisation_id` text PRIMARY KEY NOT NULL,
	`diagnostic_id` text NOT NULL,
	`services` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`diagnostic_id`) REFERENCES `diagnostics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `service_follow_up_diagnostic` ON `service_follow_up` (`diagnostic_id`);