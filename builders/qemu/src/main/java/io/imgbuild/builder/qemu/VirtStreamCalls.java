package io.imgbuild.builder.qemu;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.libvirt.jna.SizeT;

/**
 * The libvirt C functions for volume streams that libvirt-java 0.5.2 does not wrap, loaded from the
 * same libvirt.so it uses. Types as in libvirt's headers on LP64: {@code unsigned long long} offset
 * and length are Java longs, {@code size_t} is libvirt-java's {@link SizeT}, the handles and the data
 * buffer are plain pointers (see {@link LibvirtHandles}).
 */
interface VirtStreamCalls extends Library {

    /** Loaded on first use, so a build that never copies volumes never touches it. */
    final class Holder {
        static final VirtStreamCalls INSTANCE = Native.load("virt", VirtStreamCalls.class);

        private Holder() {
        }
    }

    static VirtStreamCalls get() {
        return Holder.INSTANCE;
    }

    /** 0, or -1 with libvirt's last error set. */
    int virStorageVolUpload(Pointer vol, Pointer stream, long offset, long length, int flags);

    /** 0, or -1 with libvirt's last error set; length 0 means up to the volume's end. */
    int virStorageVolDownload(Pointer vol, Pointer stream, long offset, long length, int flags);

    /** Bytes sent (possibly fewer than asked), or -1 on error (-2 only on non-blocking streams). */
    int virStreamSend(Pointer stream, Pointer data, SizeT nbytes);

    /** Bytes received, 0 at the end of the stream, or -1 on error (-2 only on non-blocking streams). */
    int virStreamRecv(Pointer stream, Pointer data, SizeT nbytes);

    /** The calling thread's last libvirt error as text ("no error" when there is none); libvirt owns it. */
    String virGetLastErrorMessage();
}
