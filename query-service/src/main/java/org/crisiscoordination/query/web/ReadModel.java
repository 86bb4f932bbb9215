package org.crisiscoordination.query.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read served from projections: with an {@code X-Consistency-Token} it waits until the
 * named projections include that write. Reads straight from the event store need no mark.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadModel {

    /**
     * The projections (processing groups) the read is served from. A projection that handles none
     * of a write's events records having passed it only when it next stores its token (within a
     * second), so a read waits for the projections it needs and no others.
     */
    String[] value();
}
