package org.crisiscoordination.edge.security;

/**
 * A caller holds the role a right takes but not for this party: a delegate acting for another
 * party than it represents, a liaison answering another organisation's referral. Answered 403
 * like every refusal of a right, found once the request's body says which party it acts for.
 */
public class RightMissingException extends RuntimeException {

    private final String right;

    public RightMissingException(String right, String detail) {
        super(detail);
        this.right = right;
    }

    public String right() {
        return right;
    }
}
