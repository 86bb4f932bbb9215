package org.crisiscoordination.command.checkpoint;

/** The stored leaves no longer yield the last checkpoint's root: the signer refuses to sign over them. */
public class LogTamperedException extends RuntimeException {

    LogTamperedException(String message) {
        super(message);
    }
}
