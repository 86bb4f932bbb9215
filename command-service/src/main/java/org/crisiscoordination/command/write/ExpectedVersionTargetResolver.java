package org.crisiscoordination.command.write;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds a command's aggregate by its {@code @TargetAggregateIdentifier} and the version it expects
 * (from {@code If-Match}) in its metadata, so that the published commands need no version field.
 * Axon then refuses the write if the aggregate's version differs when it is loaded.
 */
public class ExpectedVersionTargetResolver implements CommandTargetResolver {

    public static final String EXPECTED_VERSION = "expectedVersion";

    private final CommandTargetResolver identifiers = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = identifiers.resolveTarget(command);
        Object expected = command.getMetaData().get(EXPECTED_VERSION);
        return new VersionedAggregateIdentifier(target.getIdentifierValue(),
                expected == null ? null : ((Number) expected).longValue());
    }
}
