package io.imgbuild.postprocessor.vagrant;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MAC address of network adapter 0 in a VirtualBox OVF ({@code <Adapter slot="0" ...
 * MACAddress="080027...">} in its vbox:Machine section): Vagrant's VirtualBox provider needs it as
 * base_mac so the imported machine's NAT interface keeps the address the guest was configured with.
 */
final class OvfBaseMac {

    private static final Pattern ADAPTER = Pattern.compile("<(?:\\w+:)?Adapter\\b([^>]*)>");
    private static final Pattern SLOT_0 = Pattern.compile("\\bslot\\s*=\\s*\"0\"");
    private static final Pattern MAC = Pattern.compile("\\bMACAddress\\s*=\\s*\"([0-9A-Fa-f:-]+)\"");

    private OvfBaseMac() {
    }

    static Optional<String> find(String ovf) {
        Matcher adapter = ADAPTER.matcher(ovf);
        while (adapter.find()) {
            String attributes = adapter.group(1);
            if (SLOT_0.matcher(attributes).find()) {
                Matcher mac = MAC.matcher(attributes);
                if (mac.find()) {
                    return Optional.of(mac.group(1));
                }
            }
        }
        return Optional.empty();
    }
}
