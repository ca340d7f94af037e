package io.imgbuild.builder.qemu;

import com.sun.jna.Pointer;
import com.sun.jna.PointerType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.libvirt.StorageVol;
import org.libvirt.Stream;

/**
 * The C handles inside libvirt-java objects, which libvirt-java 0.5.2 keeps package-private
 * ({@code StorageVol.vsvp}, {@code Stream.getVsp()}), for the libvirt calls it does not wrap.
 *
 * <p>Reflection rather than a helper class of ours in package {@code org.libvirt}: a package split
 * across two jars breaks once the jars go on the module path, and a renamed member fails here with
 * one clear message instead of an {@code IllegalAccessError} somewhere else. Both jars sit on the
 * class path (the unnamed module), so {@code setAccessible} is allowed.
 */
final class LibvirtHandles {

    private LibvirtHandles() {
    }

    /** The volume's {@code virStorageVolPtr}. */
    static Pointer of(StorageVol vol) {
        try {
            Field f = StorageVol.class.getDeclaredField("vsvp");
            return pointer(accessible(f).get(vol), "StorageVol.vsvp");
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw unsupported("StorageVol.vsvp", e);
        }
    }

    /** The stream's {@code virStreamPtr}. */
    static Pointer of(Stream stream) {
        try {
            Method m = Stream.class.getDeclaredMethod("getVsp");
            return pointer(accessible(m).invoke(stream), "Stream.getVsp()");
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw unsupported("Stream.getVsp()", e);
        }
    }

    private static <T extends AccessibleObject> T accessible(T member) {
        member.setAccessible(true);
        return member;
    }

    private static Pointer pointer(Object handle, String member) {
        Pointer p = handle == null ? null : ((PointerType) handle).getPointer();
        if (p == null) {
            // libvirt-java nulls the handle in free(): using a freed object is our bug, not the user's.
            throw new IllegalStateException(member + " is null: the libvirt object was already freed");
        }
        return p;
    }

    private static IllegalStateException unsupported(String member, Exception e) {
        if (e instanceof IllegalStateException ise) {
            return ise;
        }
        return new IllegalStateException("cannot reach libvirt-java's " + member
                + " (imgbuild is built against libvirt-java 0.5.2; is another version on the class path?)", e);
    }
}
