package org.crisiscoordination.kernel.crisis;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.kernel.validation.TextLimits;
import org.crisiscoordination.kernel.validation.Validator;

import java.util.List;

public record RaiseRegionalCrisis(@TargetAggregateIdentifier CrisisId crisisId, String title, String hotspot,
                                  SecurityTopic topic, Severity severity, List<StateCode> involvedStates,
                                  String summary) {

    public RaiseRegionalCrisis {
        new Validator()
                .notNull("crisisId", crisisId)
                .text("title", title, TextLimits.TITLE)
                .text("hotspot", hotspot, TextLimits.HOTSPOT)
                .notNull("topic", topic)
                .notNull("severity", severity)
                .distinctElements("involvedStates", involvedStates)
                .text("summary", summary, TextLimits.SUMMARY)
                .throwIfInvalid();
        involvedStates = List.copyOf(involvedStates);
    }
}
