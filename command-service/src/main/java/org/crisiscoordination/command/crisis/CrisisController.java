package org.crisiscoordination.command.crisis;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.crisiscoordination.command.web.CommandWriter;
import org.crisiscoordination.command.web.Creates;
import org.crisiscoordination.command.web.Write;
import org.crisiscoordination.command.web.WriteAnswer;
import org.crisiscoordination.command.web.WriteContext;
import org.crisiscoordination.kernel.crisis.CrisisId;
import org.crisiscoordination.kernel.crisis.RaiseRegionalCrisis;
import org.crisiscoordination.kernel.crisis.ReferCrisisToOrganization;
import org.crisiscoordination.kernel.crisis.ReferralId;
import org.crisiscoordination.kernel.rules.Rule;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
    @Creates
    ResponseEntity<WriteAnswer> raise(@RequestBody CrisisRequests.Raise body, WriteContext context) {
        RaiseRegionalCrisis command = body.toCommand();
        String id = command.crisisId().toString();
        return writer.execute(context, Write.creating(command, Crisis.class, id, Write.Part.AGGREGATE, id, "/api/crises/" + id,
                Rule.CRISIS_NOT_FOUND, Rule.CRISIS_ALREADY_EXISTS, body));
    }

    @PostMapping("/{crisisId}/escalations")
    @Operation(summary = "Escalate a crisis to a higher severity", description = "Appends CrisisEscalated")
    ResponseEntity<WriteAnswer> escalate(@PathVariable CrisisId crisisId, @RequestBody CrisisRequests.ChangeSeverity body,
                                         WriteContext context) {
        return change(crisisId, body.toEscalation(crisisId), body, context);
    }

    @PostMapping("/{crisisId}/de-escalations")
    @Operation(summary = "De-escalate a crisis to a lower severity", description = "Appends CrisisDeescalated")
    ResponseEntity<WriteAnswer> deescalate(@PathVariable CrisisId crisisId,
                                           @RequestBody CrisisRequests.ChangeSeverity body, WriteContext context) {
        return change(crisisId, body.toDeescalation(crisisId), body, context);
    }

    @PostMapping("/{crisisId}/referrals")
    @Operation(summary = "Refer a crisis to a regional organisation",
            description = "Appends CrisisReferredToOrganization; answers the referralId")
    @Creates
    ResponseEntity<WriteAnswer> refer(@PathVariable CrisisId crisisId, @RequestBody CrisisRequests.Refer body,
                                      WriteContext context) {
        ReferCrisisToOrganization command = body.toCommand(crisisId);
        String id = crisisId.toString();
        return writer.execute(context, Write.creating(command, Crisis.class, id, Write.Part.REFERRAL,
                command.referralId().toString(), "/api/crises/" + id, Rule.CRISIS_NOT_FOUND, null, body));
    }

    @PostMapping("/{crisisId}/referrals/{referralId}/acceptance")
    @Operation(summary = "Record that the organisation accepted the referral", description = "Appends ReferralAccepted")
    ResponseEntity<WriteAnswer> accept(@PathVariable CrisisId crisisId, @PathVariable ReferralId referralId,
                                       @RequestBody(required = false) CrisisRequests.Accept body, WriteContext context) {
        CrisisRequests.Accept accept = body == null ? new CrisisRequests.Accept() : body;
        return change(crisisId, accept.toCommand(crisisId, referralId), accept, context);
    }

    @PostMapping("/{crisisId}/referrals/{referralId}/decline")
    @Operation(summary = "Record that the organisation declined the referral", description = "Appends ReferralDeclined")
    ResponseEntity<WriteAnswer> decline(@PathVariable CrisisId crisisId, @PathVariable ReferralId referralId,
                                        @RequestBody CrisisRequests.Decline body, WriteContext context) {
        return change(crisisId, body.toCommand(crisisId, referralId), body, context);
    }

    @PostMapping("/{crisisId}/referrals/{referralId}/outcome")
    @Operation(summary = "Report the outcome of an accepted referral", description = "Appends ReferralOutcomeReported")
    ResponseEntity<WriteAnswer> reportOutcome(@PathVariable CrisisId crisisId, @PathVariable ReferralId referralId,
                                              @RequestBody CrisisRequests.Outcome body, WriteContext context) {
        return change(crisisId, body.toCommand(crisisId, referralId), body, context);
    }

    @PostMapping("/{crisisId}/minilateral-involvements")
    @Operation(summary = "Record an exclusive bloc's involvement in the hotspot",
            description = "Appends MinilateralInvolvementRecorded")
    ResponseEntity<WriteAnswer> recordInvolvement(@PathVariable CrisisId crisisId,
                                                  @RequestBody CrisisRequests.Involvement body, WriteContext context) {
        return change(crisisId, body.toCommand(crisisId), body, context);
    }

    @PostMapping("/{crisisId}/resolution")
    @Operation(summary = "Resolve a crisis", description = "Appends CrisisResolved")
    ResponseEntity<WriteAnswer> resolve(@PathVariable CrisisId crisisId, @RequestBody CrisisRequests.Resolution body,
                                        WriteContext context) {
        return change(crisisId, body.toCommand(crisisId), body, context);
    }

    private ResponseEntity<WriteAnswer> change(CrisisId crisisId, Object command, Object body, WriteContext context) {
        return writer.execute(context, Write.changing(command, Crisis.class, crisisId.toString(), Rule.CRISIS_NOT_FOUND, body));
    }
}
