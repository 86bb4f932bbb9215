package org.crisiscoordination.kernel.rules;

/**
 * The state rules of the domain, each with a stable code. A refusal names its rule; the web layers
 * answer {@link Category#CONFLICT} with 409 and {@link Category#NOT_FOUND} with 404.
 */
public enum Rule {
    // crisis
    CRISIS_NOT_FOUND(Category.NOT_FOUND, "no crisis has this id"),
    CRISIS_ALREADY_EXISTS(Category.CONFLICT, "a crisis with this id was already raised"),
    CRISIS_RESOLVED(Category.CONFLICT, "a resolved crisis takes no further commands"),
    SEVERITY_NOT_HIGHER(Category.CONFLICT, "an escalation must raise the severity"),
    SEVERITY_NOT_LOWER(Category.CONFLICT, "a de-escalation must lower the severity"),
    NO_JURISDICTION(Category.CONFLICT, "an organisation takes a referral only when an involved state is a member"),
    REFERRAL_ALREADY_OPEN(Category.CONFLICT, "an organisation has at most one open referral per crisis"),
    REFERRAL_ID_TAKEN(Category.CONFLICT, "this crisis already has a referral with this id"),
    REFERRAL_NOT_FOUND(Category.NOT_FOUND, "the crisis has no referral with this id"),
    REFERRAL_ALREADY_ANSWERED(Category.CONFLICT, "only a pending referral can be accepted or declined"),
    REFERRAL_NOT_ACCEPTED(Category.CONFLICT, "an outcome is reported once, and only for an accepted referral"),
    REFERRAL_AWAITS_ANSWER(Category.CONFLICT, "a crisis cannot resolve while a referral awaits an answer"),
    // channel
    CHANNEL_NOT_FOUND(Category.NOT_FOUND, "no channel has this id"),
    CHANNEL_ALREADY_EXISTS(Category.CONFLICT, "a channel with this id was already convened"),
    SEVERITY_BELOW_CHANNEL_THRESHOLD(Category.CONFLICT,
            "a channel is convened only for a crisis of the threshold severity or above; lower ones go to the mechanism track"),
    CHANNEL_ALREADY_OPEN(Category.CONFLICT, "a crisis has at most one open channel"),
    INVOLVED_POWER_MISSING(Category.CONFLICT, "every involved state that is a major power takes part in the channel"),
    ASEAN_MISSING(Category.CONFLICT, "ASEAN takes part when an involved state is an ASEAN member"),
    CHANNEL_CLOSED(Category.CONFLICT, "a closed channel takes no further commands"),
    NOT_A_PARTICIPANT(Category.CONFLICT, "only a participant of the channel may do this"),
    ALREADY_ACKNOWLEDGED(Category.CONFLICT, "a participant acknowledges a channel once"),
    JOINT_STATEMENT_ALREADY_ADOPTED(Category.CONFLICT, "once a joint statement is adopted no new proposal is taken"),
    PROPOSAL_NOT_FOUND(Category.NOT_FOUND, "the channel has no joint statement proposal with this id"),
    PROPOSAL_ID_TAKEN(Category.CONFLICT, "this channel already has a proposal with this id"),
    PROPOSAL_NOT_CURRENT(Category.CONFLICT, "only the current proposal can be endorsed"),
    ALREADY_ENDORSED(Category.CONFLICT, "a participant endorses a proposal once"),
    NO_JOINT_STATEMENT_ADOPTED(Category.CONFLICT, "JOINT_STATEMENT_ADOPTED is an outcome only after an adoption"),
    // security mechanism
    LOWER_TIERS_NOT_ADMITTED(Category.CONFLICT,
            "a topic of tier N is admitted only when every topic of the lower tiers is on the agenda"),
    TOPIC_ALREADY_ADMITTED(Category.CONFLICT, "a topic is admitted once"),
    ALREADY_A_MEMBER(Category.CONFLICT, "a state joins the mechanism once"),
    PLEDGE_NOT_ALLOWED(Category.CONFLICT, "a pledge is made by a major power or by a state that has joined"),
    ALREADY_PLEDGED(Category.CONFLICT, "a party pledges once");

    public enum Category { CONFLICT, NOT_FOUND }

    private final Category category;
    private final String description;

    Rule(Category category, String description) {
        this.category = category;
        this.description = description;
    }

    public Category category() {
        return category;
    }

    /** What the rule demands, in words a caller can act on. */
    public String description() {
        return description;
    }

    /** The stable, kebab-case code a problem answer names. */
    public String code() {
        return name().toLowerCase().replace('_', '-');
    }
}
