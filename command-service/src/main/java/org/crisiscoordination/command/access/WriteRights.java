package org.crisiscoordination.command.access;

import org.crisiscoordination.edge.security.AccessTable;
import org.crisiscoordination.edge.security.Caller;
import org.crisiscoordination.edge.security.RightMissingException;
import org.crisiscoordination.kernel.channel.AcknowledgeChannel;
import org.crisiscoordination.kernel.channel.EndorseJointStatement;
import org.crisiscoordination.kernel.channel.ProposeJointStatement;
import org.crisiscoordination.kernel.channel.SubmitPositionStatement;
import org.crisiscoordination.kernel.crisis.AcceptReferral;
import org.crisiscoordination.kernel.crisis.DeclineReferral;
import org.crisiscoordination.kernel.crisis.ReportReferralOutcome;
import org.crisiscoordination.kernel.mechanism.MakeNonViolencePledge;
import org.crisiscoordination.kernel.region.Party;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import static org.crisiscoordination.edge.security.AccessTable.role;
import static org.crisiscoordination.edge.security.Role.AUDITOR;
import static org.crisiscoordination.edge.security.Role.DELEGATE;
import static org.crisiscoordination.edge.security.Role.LIAISON;
import static org.crisiscoordination.edge.security.Role.SECRETARIAT;
import static org.springframework.http.HttpMethod.POST;

/**
 * Who may make each write: the command service's rights, all in this one class. {@link #TABLE}
 * gives each endpoint its right and the role that holds it (the security chain checks it before
 * the request is read); {@link #ACTS_FOR} names, for the rights a delegate or liaison holds only for
 * its own party, the party each command acts for, which {@link #checkParty} compares with the
 * token's {@code represents} once the body is read. docs/api.md lists the same table.
 */
@Component
public class WriteRights {

    public static final AccessTable TABLE = AccessTable.of(AccessTable.serviceEndpoints(), List.of(
            // method and path                                                  right                               held by
            role(POST, "/api/crises",                                           "raise-crisis",                     SECRETARIAT),
            role(POST, "/api/crises/{crisisId}/escalations",                    "escalate-crisis",                  SECRETARIAT),
            role(POST, "/api/crises/{crisisId}/de-escalations",                 "de-escalate-crisis",               SECRETARIAT),
            role(POST, "/api/crises/{crisisId}/referrals",                      "refer-crisis",                     SECRETARIAT),
            role(POST, "/api/crises/{crisisId}/minilateral-involvements",       "record-minilateral-involvement",   SECRETARIAT),
            role(POST, "/api/crises/{crisisId}/resolution",                     "resolve-crisis",                   SECRETARIAT),
            role(POST, "/api/crises/{crisisId}/referrals/{referralId}/acceptance", "accept-referral",               LIAISON),
            role(POST, "/api/crises/{crisisId}/referrals/{referralId}/decline", "decline-referral",                 LIAISON),
            role(POST, "/api/crises/{crisisId}/referrals/{referralId}/outcome", "report-referral-outcome",          LIAISON),
            role(POST, "/api/channels",                                         "convene-channel",                  SECRETARIAT),
            role(POST, "/api/channels/{channelId}/closure",                     "close-channel",                    SECRETARIAT),
            role(POST, "/api/channels/{channelId}/acknowledgements",            "acknowledge-channel",              DELEGATE),
            role(POST, "/api/channels/{channelId}/statements",                  "state-position",                   DELEGATE),
            role(POST, "/api/channels/{channelId}/joint-statements",            "propose-joint-statement",          DELEGATE),
            role(POST, "/api/channels/{channelId}/joint-statements/{proposalId}/endorsements", "endorse-joint-statement", DELEGATE),
            role(POST, "/api/mechanism/topics",                                 "admit-topic",                      SECRETARIAT),
            role(POST, "/api/mechanism/members",                                "admit-member",                     SECRETARIAT),
            role(POST, "/api/mechanism/pledges",                                "pledge",                           DELEGATE),
            role(POST, "/api/audit/checkpoints",                                "sign-checkpoint",                  AUDITOR)));

    /**
     * The party each command of a delegate's or liaison's right acts for: a delegate only for the
     * party it represents, a liaison only on referrals to its organisation. Empty when it cannot
     * be known (no such referral), which the aggregate then refuses as not found.
     */
    private static final Map<Class<?>, ActsFor<?>> ACTS_FOR = Map.of(
            AcknowledgeChannel.class,      actsFor("acknowledge-channel",     (AcknowledgeChannel c, Referrals r) -> Optional.of(Party.of(c.participant()))),
            SubmitPositionStatement.class, actsFor("state-position",          (SubmitPositionStatement c, Referrals r) -> Optional.of(Party.of(c.participant()))),
            ProposeJointStatement.class,   actsFor("propose-joint-statement", (ProposeJointStatement c, Referrals r) -> Optional.of(Party.of(c.proposer()))),
            EndorseJointStatement.class,   actsFor("endorse-joint-statement", (EndorseJointStatement c, Referrals r) -> Optional.of(Party.of(c.participant()))),
            MakeNonViolencePledge.class,   actsFor("pledge",                  (MakeNonViolencePledge c, Referrals r) -> Optional.of(c.party())),
            AcceptReferral.class,          actsFor("accept-referral",         (AcceptReferral c, Referrals r) -> r.organisationOf(c.crisisId(), c.referralId())),
            DeclineReferral.class,         actsFor("decline-referral",        (DeclineReferral c, Referrals r) -> r.organisationOf(c.crisisId(), c.referralId())),
            ReportReferralOutcome.class,   actsFor("report-referral-outcome", (ReportReferralOutcome c, Referrals r) -> r.organisationOf(c.crisisId(), c.referralId())));

    private final Referrals referrals;

    public WriteRights(Referrals referrals) {
        this.referrals = referrals;
    }

    /**
     * Refuses a command that acts for another party than the caller represents (403); every
     * other command passes, its role having been checked by the security chain.
     */
    public void checkParty(Caller caller, Object command) {
        ActsFor<?> actsFor = ACTS_FOR.get(command.getClass());
        if (actsFor != null) {
            actsFor.check(caller, command, referrals);
        }
    }

    private record ActsFor<C>(String right, BiFunction<C, Referrals, Optional<Party>> party) {

        @SuppressWarnings("unchecked")
        void check(Caller caller, Object command, Referrals referrals) {
            party.apply((C) command, referrals)
                    .filter(actedFor -> !caller.party().filter(actedFor::equals).isPresent())
                    .ifPresent(actedFor -> {
                        throw new RightMissingException(right, right + " for " + actedFor + " takes a token that represents "
                                + actedFor + "; this one represents " + caller.party().map(Party::code).orElse("no party"));
                    });
        }
    }

    private static <C> ActsFor<C> actsFor(String right, BiFunction<C, Referrals, Optional<Party>> party) {
        return new ActsFor<>(right, party);
    }
}
