package org.crisiscoordination.command.checkpoint;

/** Asked to sign on an instance that does not sign ({@code crisis.checkpoints.signer: false}). */
public class NotTheSignerException extends RuntimeException {

    NotTheSignerException() {
        super("this instance does not sign checkpoints; the cluster's signer does");
    }
}
