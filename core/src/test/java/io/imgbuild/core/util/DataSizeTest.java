package io.imgbuild.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DataSizeTest {

    private static final long MIB = 1L << 20;

    @Test
    void aBareNumberIsMebibytes() {
        assertEquals(20480 * MIB, DataSize.parseBytes("20480"));
        assertEquals(0, DataSize.parseBytes("0"));
    }

    @Test
    void units() {
        assertEquals(512L << 10, DataSize.parseBytes("512K"));
        assertEquals(512 * MIB, DataSize.parseBytes("512M"));
        assertEquals(20L << 30, DataSize.parseBytes("20G"));
        assertEquals(2L << 40, DataSize.parseBytes("2T"));
        assertEquals(20L << 30, DataSize.parseBytes("20GB"));
        assertEquals(20L << 30, DataSize.parseBytes("20GiB"));
        assertEquals(20L << 30, DataSize.parseBytes("20 gib"));
        assertEquals(20L << 30, DataSize.parseBytes(" 20g "));
        assertEquals(1024, DataSize.parseBytes("1024B"));
    }

    @Test
    void garbageIsRejectedWithAnExample() {
        for (String s : new String[]{"", "G", "20 gigs", "1.5G", "-1", "20X", "20GG"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSize.parseBytes(s), s);
            assertTrue(e.getMessage().contains("is not a size"), e.getMessage());
        }
    }

    @Test
    void tooLargeIsAnIllegalArgumentNotAnOverflow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSize.parseBytes("99999999999T"));
        assertTrue(e.getMessage().contains("99999999999T"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DataSize.parseBytes("99999999999999999999999"));
        assertTrue(e.getMessage().contains("99999999999999999999999"), e.getMessage());
        assertEquals(8191L << 40, DataSize.parseBytes("8191T"));
    }
}
