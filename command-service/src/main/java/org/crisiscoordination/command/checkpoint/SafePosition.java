package org.crisiscoordination.command.checkpoint;

import org.crisiscoordination.edge.store.AppendWatermark;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * How far the log may be read without a lower position committing later: leaves are assigned only
 * up to here, so that a leaf index, once given, is never wrong. Appends commit out of position
 * order, so this is the store's {@link AppendWatermark}, not the highest position visible.
 */
@Component
class SafePosition {

    private final AppendWatermark watermark;

    SafePosition(DataSource dataSource) {
        this.watermark = new AppendWatermark(dataSource);
    }

    /** Never called inside an appending transaction, whose own lock would hold the watermark back. */
    long safePosition() {
        return watermark.safePosition();
    }
}
