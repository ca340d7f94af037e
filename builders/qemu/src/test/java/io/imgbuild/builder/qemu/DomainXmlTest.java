package io.imgbuild.builder.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DomainXmlTest {

    private static DomainSpec spec(String name, List<DomainSpec.Disk> disks, List<Path> cdroms, int ssh, int vnc) {
        return new DomainSpec(name, "qemu", "pc", 1024, 2, disks, cdroms, "ide", Path.of("/tmp/w/serial.log"), "127.0.0.1",
                vnc, "virtio-net", ssh, 22, List.of("-rtc", "base=utc"));
    }

    private static DomainSpec.Disk disk(String file, String bus) {
        return new DomainSpec.Disk(Path.of(file), "qcow2", bus, "writeback", "ignore", "off");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void disksBootBeforeTheCdAndUserNetworkingForwardsSsh() throws Exception {
        Document d = parse(DomainXml.render(spec("packer-x", List.of(disk("/o/.vm.building.qcow2", "virtio"),
                disk("/o/vm-1", "virtio")), List.of(Path.of("/isos/debian.iso")), 3022, 5901)));
        Element root = d.getDocumentElement();
        assertEquals("qemu", root.getAttribute("type"));
        NodeList disks = d.getElementsByTagName("disk");
        assertEquals(3, disks.getLength());
        Element first = (Element) disks.item(0);
        assertEquals("vda", ((Element) first.getElementsByTagName("target").item(0)).getAttribute("dev"));
        assertEquals("1", ((Element) first.getElementsByTagName("boot").item(0)).getAttribute("order"));
        assertEquals("vdb", ((Element) ((Element) disks.item(1)).getElementsByTagName("target").item(0)).getAttribute("dev"));
        Element cd = (Element) disks.item(2);
        assertEquals("cdrom", cd.getAttribute("device"));
        assertEquals("hda", ((Element) cd.getElementsByTagName("target").item(0)).getAttribute("dev"));
        assertEquals("3", ((Element) cd.getElementsByTagName("boot").item(0)).getAttribute("order"));
        Element vnc = (Element) d.getElementsByTagName("graphics").item(0);
        assertEquals("5901", vnc.getAttribute("port"));
        NodeList args = d.getElementsByTagNameNS("http://libvirt.org/schemas/domain/qemu/1.0", "arg");
        assertEquals(List.of("-netdev", "user,id=imgbuild-net0,hostfwd=tcp:127.0.0.1:3022-:22", "-device",
                        "virtio-net,netdev=imgbuild-net0,bus=pci.0,addr=0x10", "-rtc", "base=utc"),
                java.util.stream.IntStream.range(0, args.getLength())
                        .mapToObj(i -> ((Element) args.item(i)).getAttribute("value")).toList());
    }

    @Test
    void namesAndPathsAreEscaped() throws Exception {
        Document d = parse(DomainXml.render(spec("a<b>&'c\"", List.of(disk("/o/it's & <odd>", "scsi")), List.of(), 0, 0)));
        assertEquals("a<b>&'c\"", d.getElementsByTagName("name").item(0).getTextContent());
        Element source = (Element) d.getElementsByTagName("source").item(0);
        assertEquals("/o/it's & <odd>", source.getAttribute("file"));
        assertEquals(0, d.getElementsByTagName("graphics").getLength(), "no VNC when its port is 0");
        assertTrue(DomainXml.render(spec("x", List.of(disk("/d", "scsi")), List.of(), 0, 0))
                .contains("<controller type='scsi' model='virtio-scsi'/>"));
        assertEquals("sda", ((Element) d.getElementsByTagName("target").item(0)).getAttribute("dev"));
    }
}
