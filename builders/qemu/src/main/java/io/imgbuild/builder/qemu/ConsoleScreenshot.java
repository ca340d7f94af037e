package io.imgbuild.builder.qemu;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.Stream;

/**
 * Saves what the machine's screen shows as a PNG: when a boot never reaches SSH, the screen (an
 * installer's question, a kernel panic, a boot prompt) usually says why. libvirt hands QEMU's screen
 * dump over as PPM, which is turned into PNG so any image viewer opens it.
 */
final class ConsoleScreenshot {

    private ConsoleScreenshot() {
    }

    static void save(Connect connect, Domain domain, Path png) throws LibvirtException, IOException {
        Stream stream = connect.streamNew(0);
        byte[] data;
        try {
            String mime = domain.screenshot(stream, 0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = stream.receive(buf)) > 0) {
                out.write(buf, 0, n);
            }
            stream.finish();
            data = out.toByteArray();
            if (mime != null && mime.contains("png")) {
                Files.write(png, data);
                return;
            }
        } finally {
            stream.free();
        }
        ImageIO.write(readPpm(new ByteArrayInputStream(data)), "png", png.toFile());
    }

    /** Reads a binary PPM (P6, 8 bits per channel). */
    static BufferedImage readPpm(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        if (!"P6".equals(token(d))) {
            throw new IOException("not a binary PPM image");
        }
        int width = Integer.parseInt(token(d));
        int height = Integer.parseInt(token(d));
        int max = Integer.parseInt(token(d));
        if (max != 255 || width <= 0 || height <= 0) {
            throw new IOException("unsupported PPM image (" + width + "x" + height + ", max " + max + ")");
        }
        byte[] rgb = new byte[width * height * 3];
        d.readFully(rgb);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int i = 0, p = 0; i < width * height; i++, p += 3) {
            img.setRGB(i % width, i / width, (rgb[p] & 0xff) << 16 | (rgb[p + 1] & 0xff) << 8 | (rgb[p + 2] & 0xff));
        }
        return img;
    }

    /** The next whitespace-separated header token; comments (#) are skipped. One whitespace ends the header. */
    private static String token(DataInputStream d) throws IOException {
        StringBuilder s = new StringBuilder();
        while (true) {
            int c = d.read();
            if (c < 0) {
                throw new IOException("truncated PPM header");
            }
            if (c == '#' && s.isEmpty()) {
                while (c != '\n' && c >= 0) {
                    c = d.read();
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (!s.isEmpty()) {
                    return s.toString();
                }
                continue;
            }
            s.append((char) c);
        }
    }
}
