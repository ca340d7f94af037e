package io.imgbuild.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PortRangeTest {

    @Test
    void triesEachPortOnceThenReportsTheLastFailure() {
        List<Integer> tried = new ArrayList<>();
        BindException e = assertThrows(BindException.class, () -> new PortRange(8000, 8009).bind(port -> {
            tried.add(port);
            throw new BindException("Address already in use (" + port + ")");
        }));
        assertEquals(10, tried.size());
        assertEquals(new TreeSet<>(List.of(8000, 8001, 8002, 8003, 8004, 8005, 8006, 8007, 8008, 8009)),
                new TreeSet<>(tried));
        assertEquals("Address already in use (" + tried.get(9) + ")", e.getMessage());
    }

    @Test
    void returnsTheFirstPortThatBinds() throws Exception {
        List<Integer> tried = new ArrayList<>();
        int port = new PortRange(1, 3).bind(p -> {
            tried.add(p);
            if (tried.size() < 2) {
                throw new BindException("taken");
            }
        });
        assertEquals(tried.get(1), port);
    }

    @Test
    void zeroToZeroIsAnyPortAndZeroIsNotTriedInARange() throws Exception {
        List<Integer> tried = new ArrayList<>();
        assertEquals(0, new PortRange(0, 0).bind(tried::add));
        new PortRange(0, 1).bind(tried::add);
        assertEquals(List.of(0, 1), tried);
        assertThrows(IllegalArgumentException.class, () -> new PortRange(9000, 8000));
        assertEquals("8000-9000", new PortRange(8000, 9000).toString());
    }
}
