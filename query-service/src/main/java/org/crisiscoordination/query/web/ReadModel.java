package org.crisiscoordination.query.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read served from projections: with an {@code X-Consistency-Token} it waits until the
 * projections include that write. Reads straight from the event store need no mark.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadModel {
}
