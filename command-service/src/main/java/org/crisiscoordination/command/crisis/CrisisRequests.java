package org.crisiscoordination.command.crisis;

import io.swagger.v3.oas.annotations.media.Schema;
import org.crisiscoordination.kernel.crisis.AcceptReferral;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.DeclineReferral;
import org.crisiscoordination.kernel.crisis.DeescalateCrisis;
import org.crisiscoordination.kernel.crisis.EscalateCrisis;
import org.crisiscoordination.kernel.crisis.RaiseRegionalCrisis;
import org.crisiscoordination.kernel.crisis.RecordMinilateralInvolvement;
import org.crisiscoordination.kernel.crisis.ReferCrisisToOrganization;
import org.crisiscoordination.kernel.crisis.ReferralId;
import org.crisiscoordination.kernel.crisis.ReportReferralOutcome;
import org.crisiscoordination.kernel.crisis.ResolveCrisis;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.region.MinilateralBloc;
import org.crisiscoordination.kernel.region.Organization;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.kernel.validation.Validator;

import java.util.List;

/**
 * The bodies of the crisis endpoints, as raw JSON values. Each turns into its command through the
 * kernel's value objects, which refuse bad values with every field named at once.
 */
final class CrisisRequests {

    private CrisisRequests() {
    }

    record Raise(@Schema(description = "optional: a UUID of your choosing") String crisisId,
                 String title, String hotspot,
                 @Schema(implementation = SecurityTopic.class) String topic,
                 @Schema(minimum = "1", maximum = "5") Integer severity,
                 @Schema(description = "ISO 3166-1 alpha-2 codes", example = "[\"PH\", \"CN\"]") List<String> involvedStates,
                 String summary) {

        RaiseRegionalCrisis toCommand() {
            Validator v = new Validator();
            CrisisId id = crisisId == null ? CrisisId.random() : v.parse("crisisId", crisisId, CrisisId::of);
            SecurityTopic parsedTopic = v.parse("topic", topic, SecurityTopic::parse);
            Severity parsedSeverity = v.parse("severity", severity, Severity::of);
            List<StateCode> states = v.parseEach("involvedStates", involvedStates, StateCode::of);
            return v.build(() -> new RaiseRegionalCrisis(id, title, hotspot, parsedTopic, parsedSeverity, states, summary));
        }
    }

    record ChangeSeverity(@Schema(minimum = "1", maximum = "5") Integer severity, String reason) {

        EscalateCrisis toEscalation(CrisisId crisisId) {
            Validator v = new Validator();
            Severity parsed = v.parse("severity", severity, Severity::of);
            return v.build(() -> new EscalateCrisis(crisisId, parsed, reason));
        }

        DeescalateCrisis toDeescalation(CrisisId crisisId) {
            Validator v = new Validator();
            Severity parsed = v.parse("severity", severity, Severity::of);
            return v.build(() -> new DeescalateCrisis(crisisId, parsed, reason));
        }
    }

    record Refer(@Schema(description = "optional: a UUID of your choosing") String referralId,
                 @Schema(implementation = Organization.class) String organization, String mandate) {

        ReferCrisisToOrganization toCommand(CrisisId crisisId) {
            Validator v = new Validator();
            ReferralId id = referralId == null ? ReferralId.random() : v.parse("referralId", referralId, ReferralId::of);
            Organization parsed = v.parse("organization", organization, Organization::parse);
            return v.build(() -> new ReferCrisisToOrganization(crisisId, id, parsed, mandate));
        }
    }

    record Accept() {

        AcceptReferral toCommand(CrisisId crisisId, ReferralId referralId) {
            return new AcceptReferral(crisisId, referralId);
        }
    }

    record Decline(String reason) {

        DeclineReferral toCommand(CrisisId crisisId, ReferralId referralId) {
            return new Validator().build(() -> new DeclineReferral(crisisId, referralId, reason));
        }
    }

    record Outcome(String findings, String recommendation) {

        ReportReferralOutcome toCommand(CrisisId crisisId, ReferralId referralId) {
            return new Validator().build(() -> new ReportReferralOutcome(crisisId, referralId, findings, recommendation));
        }
    }

    record Involvement(@Schema(implementation = MinilateralBloc.class) String bloc, String description) {

        RecordMinilateralInvolvement toCommand(CrisisId crisisId) {
            Validator v = new Validator();
            MinilateralBloc parsed = v.parse("bloc", bloc, MinilateralBloc::parse);
            return v.build(() -> new RecordMinilateralInvolvement(crisisId, parsed, description));
        }
    }

    record Resolution(String resolution) {

        ResolveCrisis toCommand(CrisisId crisisId) {
            return new Validator().build(() -> new ResolveCrisis(crisisId, resolution));
        }
    }
}
