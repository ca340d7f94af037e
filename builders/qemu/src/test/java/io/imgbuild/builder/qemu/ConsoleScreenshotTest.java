package io.imgbuild.builder.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleScreenshotTest {

    @Test
    void readsQemusBinaryPpmWithComments() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("P6\n# made by qemu\n2 1\n255\n".getBytes(StandardCharsets.US_ASCII));
        b.write(new byte[] {(byte) 255, 0, 0, 0, (byte) 128, 1});
        BufferedImage img = ConsoleScreenshot.readPpm(new ByteArrayInputStream(b.toByteArray()));
        assertEquals(2, img.getWidth());
        assertEquals(1, img.getHeight());
        assertEquals(0xff0000, img.getRGB(0, 0) & 0xffffff);
        assertEquals(0x008001, img.getRGB(1, 0) & 0xffffff);
    }

    @Test
    void refusesWhatIsNotAPpm() {
        assertThrows(IOException.class, () -> ConsoleScreenshot.readPpm(new ByteArrayInputStream("GIF89a".getBytes())));
        assertThrows(IOException.class, () -> ConsoleScreenshot.readPpm(new ByteArrayInputStream("P6 4 4 255\n".getBytes())));
    }
}
