package org.crisiscoordination.command.mechanism;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.crisiscoordination.command.write.CommandWriter;
import org.crisiscoordination.command.write.Write;
import org.crisiscoordination.command.write.WriteContext;
import org.crisiscoordination.command.write.WriteResponse.Changed;
import org.crisiscoordination.kernel.mechanism.AdmitSecurityTopic;
import org.crisiscoordination.kernel.mechanism.JoinMechanism;
import org.crisiscoordination.kernel.mechanism.MakeNonViolencePledge;
import org.crisiscoordination.kernel.mechanism.MechanismId;
import org.crisiscoordination.kernel.region.Party;
import org.crisiscoordination.kernel.region.SecurityTopic;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.kernel.validation.Validator;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.crisiscoordination.command.write.AggregateType.MECHANISM;

/** The security mechanism's write endpoints: its agenda, its members, the non-violence pledges. */
@RestController
@RequestMapping(path = "/api/mechanism", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Security mechanism")
class MechanismController {

    private static final String ID = MechanismId.ASIA_PACIFIC.value();

    private final CommandWriter writer;

    MechanismController(CommandWriter writer) {
        this.writer = writer;
    }

    record Topic(@Schema(implementation = SecurityTopic.class) String topic) {
    }

    record Member(@Schema(description = "ISO 3166-1 alpha-2 code", example = "PH") String state) {
    }

    record Pledge(@Schema(description = "a major power or a state that has joined", example = "CN") String party) {
    }

    @PostMapping("/topics")
    @Operation(summary = "Admit a security topic to the agreed agenda", description = "Appends SecurityTopicAdmitted")
    Changed admit(@RequestBody Topic body, WriteContext context) {
        Validator v = new Validator();
        SecurityTopic topic = v.parse("topic", body.topic(), SecurityTopic::parse);
        return change(v.build(() -> new AdmitSecurityTopic(topic)), body, context);
    }

    @PostMapping("/members")
    @Operation(summary = "A state joins the mechanism", description = "Appends MemberStateJoined")
    Changed join(@RequestBody Member body, WriteContext context) {
        Validator v = new Validator();
        StateCode state = v.parse("state", body.state(), StateCode::of);
        return change(v.build(() -> new JoinMechanism(state)), body, context);
    }

    @PostMapping("/pledges")
    @Operation(summary = "Pledge not to resort to violence and to prevent armed conflicts",
            description = "Appends NonViolencePledgeMade")
    Changed pledge(@RequestBody Pledge body, WriteContext context) {
        Validator v = new Validator();
        Party party = v.parse("party", body.party(), Party::of);
        return change(v.build(() -> new MakeNonViolencePledge(party)), body, context);
    }

    private Changed change(Object command, Object body, WriteContext context) {
        return writer.execute(context, Write.change(MECHANISM, ID, command, body));
    }
}
