package com.novanta.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background jobs (the draw worker, the mail dispatcher, the lottery calendar). Tests
 * turn them off with {@code lottery.scheduling.enabled=false} and run the jobs
 * themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "lottery.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {

}
