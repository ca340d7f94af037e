package io.imgbuild.core.util;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Says what went wrong in words: Java's file exceptions carry only the path as their message. */
public final class Errors {

    private Errors() {
    }

    public static String describe(Throwable e) {
        if (e instanceof FileSystemException fs) {
            String what = e instanceof NoSuchFileException ? "no such file or directory"
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileAlreadyExistsException ? "already exists"
                    : e instanceof NotDirectoryException ? "not a directory"
                    : e instanceof DirectoryNotEmptyException ? "directory not empty"
                    : fs.getReason() != null ? fs.getReason() : "file system error";
            String reason = fs.getReason() != null && !what.equals(fs.getReason()) ? " (" + fs.getReason() + ")" : "";
            return what + ": " + fs.getFile() + (fs.getOtherFile() != null ? " -> " + fs.getOtherFile() : "") + reason;
        }
        if (e instanceof java.io.IOException) {
            String m = e.getMessage();
            return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
        }
        return "unexpected error: " + e; // a bug, not the user's doing: keep the exception's name
    }

    /** True for failures of the outside world (files, network), as opposed to bugs. */
    public static boolean isEnvironmental(Throwable e) {
        return e instanceof java.io.IOException;
    }
}
