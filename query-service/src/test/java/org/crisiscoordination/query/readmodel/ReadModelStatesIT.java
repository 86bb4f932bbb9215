package org.crisiscoordination.query.readmodel;

import org.crisiscoordination.kernel.channel.ChannelOutcome;
import org.crisiscoordination.kernel.crisis.CrisisStatus;
import org.crisiscoordination.kernel.crisis.ReferralStatus;
import org.crisiscoordination.query.channel.ChannelStatus;
import org.crisiscoordination.query.channel.JointStatementStage;
import org.crisiscoordination.query.channel.ProposalStatus;
import org.crisiscoordination.query.support.QueryServiceIT;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each state column of the read models is checked against exactly the names of its enum, so that
 * the CHECK constraint and the enum cannot drift apart.
 */
class ReadModelStatesIT extends QueryServiceIT {

    private static final Pattern LITERAL = Pattern.compile("'([^']*)'");

    static Stream<Arguments> stateColumns() {
        return Stream.of(
                Arguments.of("crisis", "crisis_status_check", CrisisStatus.class),
                Arguments.of("crisis", "crisis_channel_status_check", ChannelStatus.class),
                Arguments.of("crisis", "crisis_channel_outcome_check", ChannelOutcome.class),
                Arguments.of("crisis", "crisis_joint_statement_check", JointStatementStage.class),
                Arguments.of("crisis_referral", "crisis_referral_status_check", ReferralStatus.class),
                Arguments.of("channel", "channel_status_check", ChannelStatus.class),
                Arguments.of("channel", "channel_outcome_check", ChannelOutcome.class),
                Arguments.of("channel_proposal", "channel_proposal_status_check", ProposalStatus.class));
    }

    @ParameterizedTest(name = "{1} holds the names of {2}")
    @MethodSource("stateColumns")
    void aStateColumnAcceptsExactlyTheNamesOfItsEnum(String table, String constraint, Class<? extends Enum<?>> states) {
        String definition = jdbc.queryForObject("""
                        select pg_get_constraintdef(c.oid) from pg_constraint c
                        join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
                        where n.nspname = 'read_model' and t.relname = ? and c.conname = ?""",
                String.class, table, constraint);
        Matcher literals = LITERAL.matcher(definition);
        List<String> allowed = literals.results().map(result -> result.group(1)).toList();

        assertThat(allowed).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(states.getEnumConstants()).map(Enum::name).toList());
    }
}
