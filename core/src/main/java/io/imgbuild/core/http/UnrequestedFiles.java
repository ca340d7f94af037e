package io.imgbuild.core.http;

import java.time.Duration;
import java.util.List;

/**
 * The served files no request has fetched yet. When waiting for SSH fails, a preseed or kickstart
 * file the installer never asked for is the usual reason: the boot command did not reach the
 * installer, named a wrong URL, or the guest cannot reach the host.
 *
 * @param kind  {@code http_directory file} or {@code http_content file}
 * @param paths the files, as the template names them ({@code preseed.cfg}, {@code /ks.cfg})
 */
public record UnrequestedFiles(String kind, List<String> paths) {

    public UnrequestedFiles {
        paths = List.copyOf(paths);
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }

    /**
     * A sentence for the build's failure: {@code http_directory file preseed.cfg was never requested
     * 312 s after boot; ...}, or null when every file was fetched.
     */
    public String describe(Duration sinceBoot) {
        if (paths.isEmpty()) {
            return null;
        }
        String what = paths.size() == 1 ? kind + " " + paths.get(0) + " was"
                : kind + "s " + String.join(", ", paths) + " were";
        return what + " never requested " + sinceBoot.toSeconds() + " s after boot: the installer did not fetch "
                + (paths.size() == 1 ? "it" : "them") + ". Check that the boot command reached the installer (watch"
                + " the console), that its URL names the file (http://{{ .HTTPIP }}:{{ .HTTPPort }}/...), and that"
                + " the guest can reach the host";
    }
}
