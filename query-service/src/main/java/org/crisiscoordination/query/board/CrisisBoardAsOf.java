package org.crisiscoordination.query.board;

import org.crisiscoordination.kernel.store.AggregateTypes;
import org.crisiscoordination.query.asof.PastPosition;
import org.crisiscoordination.query.asof.PastReadModel;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A crisis as the board showed it at a past position: the board's own projection folds the
 * crisis's events, its channels' and the agenda's up to there (other crises' rows are never read,
 * so their events are left out; a channel's events touch only its own crisis's row).
 */
@Component
class CrisisBoardAsOf {

    static final List<String> TABLES = List.of("crisis", "crisis_referral", "crisis_minilateral_involvement",
            "board_agenda_topic");

    private final PastReadModel past;
    private final PastPosition positions;
    private final CrisisBoardProjection projection;
    private final CrisisBoardRepository board;

    CrisisBoardAsOf(PastReadModel past, PastPosition positions, CrisisBoardProjection projection,
                    CrisisBoardRepository board) {
        this.past = past;
        this.positions = positions;
        this.projection = projection;
        this.board = board;
    }

    Optional<CrisisView> find(UUID crisisId, String asOf) {
        long position = positions.of(asOf);
        return past.at(position, new PastReadModel.Fold(List.of(projection), TABLES, PastReadModel.aggregates(
                        Set.of(crisisId.toString()), Set.of(AggregateTypes.CHANNEL, AggregateTypes.MECHANISM))),
                () -> board.find(crisisId));
    }
}
