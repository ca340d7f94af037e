package io.imgbuild.postprocessor.checksum;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A checksum type as the template names it, and the JDK digest behind it. */
enum Algorithm {
    MD5("md5", "MD5"), SHA1("sha1", "SHA-1"), SHA224("sha224", "SHA-224"), SHA256("sha256", "SHA-256"),
    SHA384("sha384", "SHA-384"), SHA512("sha512", "SHA-512");

    final String templateName;
    private final String jdkName;

    Algorithm(String templateName, String jdkName) {
        this.templateName = templateName;
        this.jdkName = jdkName;
    }

    static Algorithm of(String name) {
        for (Algorithm a : values()) {
            if (a.templateName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown checksum type " + name); // the schema's enum prevents this
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + jdkName, e);
        }
    }
}
