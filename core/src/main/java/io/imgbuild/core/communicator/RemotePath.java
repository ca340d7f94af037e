package io.imgbuild.core.communicator;

/**
 * What a remote path names.
 *
 * @param size for a file its size, for a directory the total size of the files under it
 */
public record RemotePath(Kind kind, long size) {

    public enum Kind { MISSING, FILE, DIRECTORY }

    public static final RemotePath MISSING = new RemotePath(Kind.MISSING, 0);

    public boolean exists() {
        return kind != Kind.MISSING;
    }

    public boolean isDirectory() {
        return kind == Kind.DIRECTORY;
    }
}
