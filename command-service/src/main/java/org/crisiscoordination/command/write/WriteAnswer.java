package org.crisiscoordination.command.write;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to every write.
 *
 * @param id               what was created or changed: a crisis, referral, channel or proposal id
 * @param aggregateId      the aggregate the write appended to
 * @param version          that aggregate's sequence number after the write (a create answers 0)
 * @param consistencyToken give it as {@code X-Consistency-Token} to a read that must see this write
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WriteAnswer(String id, String aggregateId, long version, String consistencyToken,
                          String referralId, String channelId, String proposalId) {
}
