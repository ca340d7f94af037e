package io.imgbuild.core.exec;

/** Receives a command's output line by line, as it comes. */
public interface OutputListener {

    void stdout(String line);

    void stderr(String line);
}
