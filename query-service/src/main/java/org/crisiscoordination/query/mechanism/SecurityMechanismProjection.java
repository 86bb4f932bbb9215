package org.crisiscoordination.query.mechanism;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.crisiscoordination.kernel.mechanism.MemberStateJoined;
import org.crisiscoordination.kernel.mechanism.NonViolencePledgeMade;
import org.crisiscoordination.kernel.mechanism.SecurityTopicAdmitted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/** The security mechanism as it stands: the agreed agenda, the member states, the pledges. */
@Component
@ProcessingGroup(SecurityMechanismProjection.NAME)
public class SecurityMechanismProjection {

    public static final String NAME = "security-mechanism";

    private final JdbcClient db;

    public SecurityMechanismProjection(JdbcClient db) {
        this.db = db;
    }

    @EventHandler
    void on(SecurityTopicAdmitted event, @Timestamp Instant at) {
        db.sql("insert into mechanism_topic (topic, tier, admitted_at) values (?, ?, ?) on conflict (topic) do nothing")
                .params(event.topic().name(), event.tier(), at.atOffset(ZoneOffset.UTC)).update();
    }

    @EventHandler
    void on(MemberStateJoined event, @Timestamp Instant at) {
        db.sql("insert into mechanism_member (state, joined_at) values (?, ?) on conflict (state) do nothing")
                .params(event.state().code(), at.atOffset(ZoneOffset.UTC)).update();
    }

    @EventHandler
    void on(NonViolencePledgeMade event, @Timestamp Instant at) {
        db.sql("insert into mechanism_pledge (party, pledged_at) values (?, ?) on conflict (party) do nothing")
                .params(event.party().code(), at.atOffset(ZoneOffset.UTC)).update();
    }

    @ResetHandler
    void reset() {
        db.sql("truncate mechanism_topic, mechanism_member, mechanism_pledge").update();
    }
}
