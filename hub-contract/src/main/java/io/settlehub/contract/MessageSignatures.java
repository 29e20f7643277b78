package io.settlehub.contract;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Ed25519 signatures of message bodies: settlement-core signs what it publishes with a private key only it holds; a
 * consumer that must act only on the core's word (connector-bank, before it writes a payment file) verifies with the
 * public key. The signature covers the exact UTF-8 bytes of the body the consumer then parses, so nothing needs to be
 * canonicalised. Keys travel as Base64 of their standard DER encodings (PKCS#8 private, X.509 public), PEM accepted.
 */
public final class MessageSignatures {

    private static final String ALGORITHM = "Ed25519";

    private MessageSignatures() {
    }

    /** Signs bodies; holds the private key. */
    public static final class Signer {
        private final PrivateKey key;

        private Signer(PrivateKey key) {
            this.key = key;
        }

        public String sign(String body) {
            try {
                Signature signature = Signature.getInstance(ALGORITHM);
                signature.initSign(key);
                signature.update(body.getBytes(StandardCharsets.UTF_8));
                return Base64.getEncoder().encodeToString(signature.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign with " + ALGORITHM, e);
            }
        }

        @Override
        public String toString() {
            return "Signer[Ed25519, key hidden]";
        }
    }

    /** Checks signatures with the public key (or any of several, while a key is being replaced). */
    public static final class Verifier {
        private final List<PublicKey> keys;

        private Verifier(List<PublicKey> keys) {
            this.keys = keys;
        }

        /** Whether {@code signatureBase64} is the signer's signature of exactly {@code body}; false for anything malformed. */
        public boolean verifies(String body, String signatureBase64) {
            if (body == null || signatureBase64 == null || signatureBase64.length() > 200) {
                return false;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            for (PublicKey key : keys) {
                try {
                    Signature signature = Signature.getInstance(ALGORITHM);
                    signature.initVerify(key);
                    signature.update(bytes);
                    if (signature.verify(Base64.getDecoder().decode(signatureBase64.trim()))) {
                        return true;
                    }
                } catch (IllegalArgumentException | GeneralSecurityException e) {
                    return false;
                }
            }
            return false;
        }
    }

    /** The signer of a private key given as Base64 PKCS#8 (or PEM); the message names the setting, never the key. */
    public static Signer signer(String privateKey, String setting) {
        try {
            return new Signer(KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(privateKey, setting))));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(setting + ": not an Ed25519 private key (PKCS#8, Base64)");
        }
    }

    /**
     * The verifier of public keys given as Base64 X.509 SubjectPublicKeyInfo (or PEM), comma-separated: a signature by any
     * of them verifies, so that a new signing key can be brought in before the old one is retired.
     */
    public static Verifier verifier(String publicKeys, String setting) {
        if (publicKeys == null || publicKeys.isBlank()) {
            throw new IllegalArgumentException(setting + " is not set");
        }
        List<PublicKey> keys = new ArrayList<>();
        for (String key : publicKeys.split(",")) {
            try {
                keys.add(KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(key, setting))));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException(setting + ": not an Ed25519 public key (X.509, Base64)");
            }
        }
        return new Verifier(List.copyOf(keys));
    }

    /** A new key pair: {@code [private (Base64 PKCS#8), public (Base64 X.509)]}. */
    public static String[] newKeyPair() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new String[] {Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }

    private static byte[] der(String text, String setting) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(setting + " is not set");
        }
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": not Base64");
        }
    }
}
