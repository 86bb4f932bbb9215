package org.crisiscoordination.kernel.channel;

import org.crisiscoordination.kernel.region.MajorPower;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisiscoordination.kernel.validation.Refusals.errorsOf;
import static org.crisiscoordination.kernel.validation.Refusals.required;

class AcknowledgeChannelTest {

    @Test
    void acceptsAChannelAndAParticipant() {
        ChannelId channel = ChannelId.random();

        AcknowledgeChannel command = new AcknowledgeChannel(channel, MajorPower.JP);

        assertThat(command.channelId()).isEqualTo(channel);
        assertThat(command.participant()).isEqualTo(MajorPower.JP);
    }

    @Test
    void refusesAMissingChannelId() {
        assertThat(errorsOf(() -> new AcknowledgeChannel(null, MajorPower.JP))).containsExactly(required("channelId"));
    }

    @Test
    void refusesAMissingParticipant() {
        assertThat(errorsOf(() -> new AcknowledgeChannel(ChannelId.random(), null))).containsExactly(required("participant"));
    }

    @Test
    void reportsEveryRefusedFieldAtOnce() {
        assertThat(errorsOf(() -> new AcknowledgeChannel(null, null)))
                .containsExactly(required("channelId"), required("participant"));
    }
}
