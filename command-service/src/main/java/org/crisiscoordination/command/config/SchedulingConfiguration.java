package org.crisiscoordination.command.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** For housekeeping, such as forgetting expired idempotency keys. */
@Configuration
@EnableScheduling
class SchedulingConfiguration {
}
