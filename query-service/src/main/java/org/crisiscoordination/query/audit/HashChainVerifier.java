package org.crisiscoordination.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import org.crisiscoordination.kernel.audit.HashChain;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;

/**
 * Recomputes an aggregate's hash chain from what is stored. An event whose content was altered no
 * longer matches its hash; a removed or reordered event breaks its successor's link to it.
 */
@Component
class HashChainVerifier {

    /**
     * @param firstBrokenSequence the first sequence number at which the chain does not hold, if any
     */
    record Verification(String aggregateId, int events, boolean valid, @Schema(nullable = true) Long firstBrokenSequence) {
    }

    Verification verify(String aggregateId, List<AuditEntry> stream) {
        String previous = HashChain.GENESIS;
        long expectedSequence = 0;
        for (AuditEntry entry : stream) {
            boolean holds = entry.sequence() == expectedSequence
                    && Objects.equals(entry.previousHash(), previous)
                    && Objects.equals(entry.hash(), HashChain.hash(previous, entry.record()));
            if (!holds) {
                return new Verification(aggregateId, stream.size(), false, Math.min(entry.sequence(), expectedSequence));
            }
            previous = entry.hash();
            expectedSequence++;
        }
        return new Verification(aggregateId, stream.size(), true, null);
    }
}
