package io.imgbuild.postprocessor.vagrant;

import io.imgbuild.core.artifact.Artifact;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.BuildUi;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The virtualbox box: the OVF as box.ovf and its disks under their own names (an OVA's members are
 * streamed out of it, not unpacked first), metadata {"provider": "virtualbox"}, and base_mac from
 * the OVF in the Vagrantfile.
 */
final class VirtualBoxProvider implements BoxProvider {

    @Override
    public BoxContent content(Artifact artifact, BuildUi ui) throws StepFailure, IOException {
        List<BoxEntry> files = new ArrayList<>();
        List<Closeable> open = new ArrayList<>();
        List<String> ovfs = new ArrayList<>();
        String ovfText = null;
        try {
            for (Path f : artifact.files()) {
                if (!Files.isRegularFile(f)) {
                    continue;
                }
                String name = f.getFileName().toString();
                if (name.toLowerCase().endsWith(".ova")) {
                    Ova ova = Ova.open(f);
                    open.add(ova);
                    ui.message("Streaming the members of the OVA " + f);
                    for (Ova.Member m : ova.members()) {
                        if (isOvf(m.name())) {
                            ovfs.add(f + "!" + m.name());
                            ovfText = new String(ova.readAll(m.name()), StandardCharsets.UTF_8);
                            files.add(new BoxEntry.OvaMember("box.ovf", ova, m.name(), m.size()));
                        } else {
                            files.add(new BoxEntry.OvaMember(m.name(), ova, m.name(), m.size()));
                        }
                    }
                } else if (isOvf(name)) {
                    ovfs.add(f.toString());
                    ovfText = Files.readString(f, StandardCharsets.UTF_8);
                    files.add(new BoxEntry.LocalFile("box.ovf", f, Files.size(f)));
                } else {
                    files.add(new BoxEntry.LocalFile(name, f, Files.size(f)));
                }
            }
            if (ovfs.size() != 1) {
                throw new StepFailure(ovfs.isEmpty()
                        ? "the artifact has no .ovf or .ova file for a virtualbox box (files: " + artifact.files()
                                + "); the virtualbox provider needs an exported machine"
                        : "the artifact has more than one OVF (" + String.join(", ", ovfs)
                                + "); a virtualbox box holds one machine");
            }
            String mac = OvfBaseMac.find(ovfText).orElseThrow(() -> new StepFailure("the OVF " + ovfs.get(0)
                    + " has no MAC address for network adapter 0 (<Adapter slot=\"0\" MACAddress=...>), which Vagrant"
                    + " needs as base_mac; export the machine from VirtualBox with its network adapter enabled"));
            String vagrantfile = "Vagrant.configure(\"2\") do |config|\n"
                    + "  config.vm.base_mac = \"" + mac + "\"\n"
                    + "end\n";
            return new BoxContent(files, Map.of("provider", "virtualbox"), vagrantfile, false, open);
        } catch (StepFailure | IOException | RuntimeException e) {
            for (Closeable c : open) {
                c.close();
            }
            throw e;
        }
    }

    private static boolean isOvf(String name) {
        return name.toLowerCase().endsWith(".ovf");
    }
}
