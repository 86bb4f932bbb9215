package org.crisiscoordination.query.projection;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;

/**
 * Which instances of the query service are running on this database: each names its connections
 * ({@code application_name}) after itself, so PostgreSQL's own list of sessions shows who is
 * there. A killed instance leaves that list as soon as its connections close; no table of
 * heartbeats is needed.
 */
public final class ServiceInstances implements BeanPostProcessor {

    static final String PREFIX = "query-service instance ";
    /** The name the token store also gives this instance as a segment's owner (Axon's default). */
    public static final String THIS_INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final String applicationName = (PREFIX + THIS_INSTANCE).substring(0,
            Math.min(63, PREFIX.length() + THIS_INSTANCE.length())); // PostgreSQL keeps 63 bytes of it

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            pool.addDataSourceProperty("ApplicationName", applicationName);
        }
        return bean;
    }

    /** How many instances of the query service hold connections to this database (this one among them). */
    static int running(JdbcTemplate jdbc) {
        Integer count = jdbc.queryForObject("select count(distinct application_name) from pg_stat_activity"
                + " where datname = current_database() and application_name like ?", Integer.class, PREFIX + "%");
        return count == null ? 1 : Math.max(1, count);
    }
}
