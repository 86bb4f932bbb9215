package org.crisiscoordination.command.crisis;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.crisiscoordination.command.write.CommandWriter;
import org.crisiscoordination.command.write.Write;
import org.crisiscoordination.command.write.WriteContext;
import org.crisiscoordination.command.write.WriteResponse.AggregateCreated;
import org.crisiscoordination.command.write.WriteResponse.Changed;
import org.crisiscoordination.command.write.WriteResponse.PartCreated;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.RaiseRegionalCrisis;
import org.crisiscoordination.kernel.crisis.ReferCrisisToOrganization;
import org.crisiscoordination.kernel.crisis.ReferralId;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.crisiscoordination.command.write.AggregateType.CRISIS;
import static org.crisiscoordination.command.write.Write.Part.REFERRAL;

/** The crisis track's write endpoints: raise, assess, refer, resolve. */
@RestController
@RequestMapping(path = "/api/crises", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Crises")
class CrisisController {

    private final CommandWriter writer;

    CrisisController(CommandWriter writer) {
        this.writer = writer;
    }

    @PostMapping
    @Operation(summary = "Raise a regional crisis", description = "Appends RegionalCrisisRaised")
    AggregateCreated raise(@RequestBody CrisisRequests.Raise body, WriteContext context) {
        RaiseRegionalCrisis command = body.toCommand();
        return writer.execute(context, Write.createAggregate(CRISIS, command.crisisId().toString(), command, body));
    }

    @PostMapping("/{crisisId}/escalations")
    @Operation(summary = "Escalate a crisis to a higher severity", description = "Appends CrisisEscalated")
    Changed escalate(@PathVariable CrisisId crisisId, @RequestBody CrisisRequests.ChangeSeverity body,
                     WriteContext context) {
        return change(crisisId, body.toEscalation(crisisId), body, context);
    }

    @PostMapping("/{crisisId}/de-escalations")
    @Operation(summary = "De-escalate a crisis to a lower severity", description = "Appends CrisisDeescalated")
    Changed deescalate(@PathVariable CrisisId crisisId,
                       @RequestBody CrisisRequests.ChangeSeverity body, WriteContext context) {
        return change(crisisId, body.toDeescalation(crisisId), body, context);
    }

    @PostMapping("/{crisisId}/referrals")
    @Operation(summary = "Refer a crisis to a regional organisation",
            description = "Appends CrisisReferredToOrganization; answers the referralId")
    PartCreated refer(@PathVariable CrisisId crisisId, @RequestBody CrisisRequests.Refer body, WriteContext context) {
        ReferCrisisToOrganization command = body.toCommand(crisisId);
        return writer.execute(context, Write.createPart(CRISIS, crisisId.toString(), REFERRAL,
                command.referralId().toString(), command, body));
    }

    @PostMapping("/{crisisId}/referrals/{referralId}/acceptance")
    @Operation(summary = "Record that the organisation accepted the referral", description = "Appends ReferralAccepted")
    Changed accept(@PathVariable CrisisId crisisId, @PathVariable ReferralId referralId,
                   @RequestBody(required = false) CrisisRequests.Accept body, WriteContext context) {
        CrisisRequests.Accept accept = body == null ? new CrisisRequests.Accept() : body;
        return change(crisisId, accept.toCommand(crisisId, referralId), accept, context);
    }

    @PostMapping("/{crisisId}/referrals/{referralId}/decline")
    @Operation(summary = "Record that the organisation declined the referral", description = "Appends ReferralDeclined")
    Changed decline(@PathVariable CrisisId crisisId, @PathVariable ReferralId referralId,
                    @RequestBody CrisisRequests.Decline body, WriteContext context) {
        return change(crisisId, body.toCommand(crisisId, referralId), body, context);
    }

    @PostMapping("/{crisisId}/referrals/{referralId}/outcome")
    @Operation(summary = "Report the outcome of an accepted referral", description = "Appends ReferralOutcomeReported")
    Changed reportOutcome(@PathVariable CrisisId crisisId, @PathVariable ReferralId referralId,
                          @RequestBody CrisisRequests.Outcome body, WriteContext context) {
        return change(crisisId, body.toCommand(crisisId, referralId), body, context);
    }

    @PostMapping("/{crisisId}/minilateral-involvements")
    @Operation(summary = "Record an exclusive bloc's involvement in the hotspot",
            description = "Appends MinilateralInvolvementRecorded")
    Changed recordInvolvement(@PathVariable CrisisId crisisId,
                              @RequestBody CrisisRequests.Involvement body, WriteContext context) {
        return change(crisisId, body.toCommand(crisisId), body, context);
    }

    @PostMapping("/{crisisId}/resolution")
    @Operation(summary = "Resolve a crisis", description = "Appends CrisisResolved")
    Changed resolve(@PathVariable CrisisId crisisId, @RequestBody CrisisRequests.Resolution body,
                    WriteContext context) {
        return change(crisisId, body.toCommand(crisisId), body, context);
    }

    private Changed change(CrisisId crisisId, Object command, Object body, WriteContext context) {
        return writer.execute(context, Write.change(CRISIS, crisisId.toString(), command, body));
    }
}
