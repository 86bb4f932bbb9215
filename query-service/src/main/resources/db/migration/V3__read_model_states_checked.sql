-- The states the read models store, each column limited to the names of its Java enum
-- (ReadModelStatesIT compares each constraint with its enum, so that neither drifts).

alter table crisis
    add constraint crisis_status_check
        check (status in ('RAISED', 'COORDINATING', 'RESOLVED')),
    add constraint crisis_channel_status_check
        check (channel_status in ('OPEN', 'CLOSED')),
    add constraint crisis_channel_outcome_check
        check (channel_outcome in ('JOINT_STATEMENT_ADOPTED', 'NO_CONSENSUS', 'SUPERSEDED', 'CRISIS_RESOLVED')),
    add constraint crisis_joint_statement_check
        check (joint_statement in ('NONE', 'PROPOSED', 'ADOPTED'));

alter table crisis_referral
    add constraint crisis_referral_status_check
        check (status in ('PENDING', 'ACCEPTED', 'DECLINED', 'OUTCOME_REPORTED'));

alter table channel
    add constraint channel_status_check
        check (status in ('OPEN', 'CLOSED')),
    add constraint channel_outcome_check
        check (outcome in ('JOINT_STATEMENT_ADOPTED', 'NO_CONSENSUS', 'SUPERSEDED', 'CRISIS_RESOLVED'));

alter table channel_proposal
    add constraint channel_proposal_status_check
        check (status in ('CURRENT', 'REPLACED', 'ADOPTED'));
