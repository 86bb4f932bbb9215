package org.crisiscoordination.command.web;

/** {@code If-Match} named a version the aggregate no longer (or never) had; answered 412. */
public class VersionMismatchException extends RuntimeException {

    private final long currentVersion;

    public VersionMismatchException(long expectedVersion, long currentVersion) {
        super("If-Match expects version " + expectedVersion + " but the current version is " + currentVersion
                + "; read it again and decide anew");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
