package io.imgbuild.builder.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DomainXmlTest {

    /** libvirt's VIR_DOMAIN_START_VALIDATE: check the XML against libvirt's own schema. */
    private static final int VALIDATE = 16;

    static DomainSpec spec(String name, List<DomainSpec.Drive> drives, int vnc) {
        return new DomainSpec(name, "qemu", "pc", 1024, DomainSpec.Vcpus.of(2), null, drives, DomainSpec.Boot.DEFAULT,
                "vga", "utc", Path.of("/tmp/w/serial.log"), "127.0.0.1", vnc,
                "user,id=user.0,hostfwd=tcp:127.0.0.1:3022-:22", "virtio-net,netdev=user.0,bus=pci.0,addr=0x10",
                List.of("-rtc", "driftfix=slew"));
    }

    static DomainSpec.Drive disk(String file, String bus) {
        return new DomainSpec.Drive(Path.of(file), DomainSpec.Device.DISK, "qcow2", bus, "writeback", "ignore", "off");
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The XML as libvirt reads it back, after its schema check (test driver: no daemon, nothing runs). */
    static String throughLibvirt(String xml) throws Exception {
        Connect c = new Connect("test:///default");
        try {
            Domain d = c.domainCreateXML(xml, VALIDATE);
            String back = d.getXMLDesc(0);
            d.destroy();
            return back;
        } finally {
            c.close();
        }
    }

    static List<String> qemuArgs(Document d) {
        NodeList args = d.getElementsByTagNameNS("http://libvirt.org/schemas/domain/qemu/1.0", "arg");
        return IntStream.range(0, args.getLength()).mapToObj(i -> ((Element) args.item(i)).getAttribute("value")).toList();
    }

    static Element child(Element e, String tag) {
        return (Element) e.getElementsByTagName(tag).item(0);
    }

    @Test
    void disksBootBeforeTheCdsTheFloppyDoesNotBootAndUserNetworkingForwardsSsh() throws Exception {
        String xml = DomainXml.render(spec("packer-x", List.of(disk("/o/.vm.building.qcow2", "virtio"), disk("/o/vm-1", "virtio"),
                DomainSpec.Drive.cdrom(Path.of("/isos/debian.iso"), "ide"), DomainSpec.Drive.cdrom(Path.of("/w/cd.iso"), "ide"),
                DomainSpec.Drive.floppy(Path.of("/w/floppy.img"))), 5901));
        Document d = parse(xml);
        assertEquals("qemu", d.getDocumentElement().getAttribute("type"));
        NodeList disks = d.getElementsByTagName("disk");
        assertEquals(5, disks.getLength());
        List<String> devs = IntStream.range(0, 5).mapToObj(i -> child((Element) disks.item(i), "target").getAttribute("dev")).toList();
        assertEquals(List.of("vda", "vdb", "hda", "hdb", "fda"), devs);
        List<String> order = IntStream.range(0, 5).mapToObj(i -> {
            Element boot = child((Element) disks.item(i), "boot");
            return boot == null ? "-" : boot.getAttribute("order");
        }).toList();
        assertEquals(List.of("1", "2", "101", "102", "-"), order);
        assertEquals("floppy", ((Element) disks.item(4)).getAttribute("device"));
        assertEquals("fdc", child((Element) disks.item(4), "target").getAttribute("bus"));
        assertEquals("cdrom", ((Element) disks.item(3)).getAttribute("device"));
        assertEquals("5901", child(d.getDocumentElement(), "graphics").getAttribute("port"));
        assertEquals(List.of("-netdev", "user,id=user.0,hostfwd=tcp:127.0.0.1:3022-:22", "-device",
                "virtio-net,netdev=user.0,bus=pci.0,addr=0x10", "-rtc", "driftfix=slew"), qemuArgs(d));

        // libvirt's schema takes it, and keeps the floppy on its controller and the CDs read-only.
        Document back = parse(throughLibvirt(xml));
        NodeList backDisks = back.getElementsByTagName("disk");
        assertEquals("fda", child((Element) backDisks.item(4), "target").getAttribute("dev"));
        assertTrue(((Element) backDisks.item(3)).getElementsByTagName("readonly").getLength() == 1);
    }

    @Test
    void qemuargsTopologyCpuBootMenuAndNetworkBootBecomeXmlThatLibvirtAccepts() throws Exception {
        DomainSpec base = spec("topo", List.of(disk("/o/d", "virtio"), DomainSpec.Drive.cdrom(Path.of("/i.iso"), "ide")), 0);
        DomainSpec s = new DomainSpec(base.name(), base.type(), "q35", 2048, new DomainSpec.Vcpus(2, 4, 2, 2, 1),
                new DomainSpec.Cpu("custom", "Haswell", Map.of("aes", "require")), base.drives(),
                new DomainSpec.Boot("ndc", true, 3000, 5000), "virtio", "localtime", base.serialLog(), "127.0.0.1", 0,
                base.netdev(), base.nic(), List.of());
        String xml = DomainXml.render(s);
        Document d = parse(xml);
        Element vcpu = child(d.getDocumentElement(), "vcpu");
        assertEquals("4", vcpu.getTextContent());
        assertEquals("2", vcpu.getAttribute("current"));
        Element topology = child(d.getDocumentElement(), "topology");
        assertEquals(List.of("2", "2", "1"), List.of(topology.getAttribute("sockets"), topology.getAttribute("cores"),
                topology.getAttribute("threads")));
        assertEquals("Haswell", child(d.getDocumentElement(), "model").getTextContent());
        assertEquals("3000", child(d.getDocumentElement(), "bootmenu").getAttribute("timeout"));
        assertEquals("5000", child(d.getDocumentElement(), "bios").getAttribute("rebootTimeout"));
        assertEquals("localtime", child(d.getDocumentElement(), "clock").getAttribute("offset"));
        // n first: the NIC gets boot index 1, then the CD, then the disk.
        assertTrue(qemuArgs(d).contains("virtio-net,netdev=user.0,bus=pci.0,addr=0x10,bootindex=1"), qemuArgs(d)::toString);
        NodeList disks = d.getElementsByTagName("disk");
        assertEquals("201", child((Element) disks.item(0), "boot").getAttribute("order"));
        assertEquals("101", child((Element) disks.item(1), "boot").getAttribute("order"));
        assertEquals(0, d.getElementsByTagName("graphics").getLength(), "no VNC when its port is 0");

        Document back = parse(throughLibvirt(xml));
        assertEquals("4", child(back.getDocumentElement(), "vcpu").getTextContent());
        assertEquals("virtio", child(back.getDocumentElement(), "video").getElementsByTagName("model").item(0)
                .getAttributes().getNamedItem("type").getNodeValue());
    }

    @Test
    void namesAndPathsAreEscaped() throws Exception {
        Document d = parse(DomainXml.render(spec("a<b>&'c\"", List.of(disk("/o/it's & <odd>", "scsi")), 0)));
        assertEquals("a<b>&'c\"", d.getElementsByTagName("name").item(0).getTextContent());
        assertEquals("/o/it's & <odd>", child(d.getDocumentElement(), "source").getAttribute("file"));
        assertTrue(DomainXml.render(spec("x", List.of(disk("/d", "scsi")), 0))
                .contains("<controller type='scsi' model='virtio-scsi'/>"));
        assertEquals("sda", child(d.getDocumentElement(), "target").getAttribute("dev"));
    }
}
