package io.settlehub.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageSignaturesTest {

    static final String[] KEYS = MessageSignatures.newKeyPair();
    static final String INSTRUCTION = "{\"instructionId\":\"PI-1\",\"amount\":{\"amount\":\"3144.00\",\"currency\":\"RUB\"}}";

    @Test
    void a_body_signed_with_the_private_key_verifies_with_the_public_key_and_nothing_else_does() {
        MessageSignatures.Signer signer = MessageSignatures.signer(KEYS[0], "HUB_CORE_SIGNING_KEY");
        MessageSignatures.Verifier verifier = MessageSignatures.verifier(KEYS[1], "HUB_CORE_VERIFY_KEY");
        String signature = signer.sign(INSTRUCTION);

        assertThat(verifier.verifies(INSTRUCTION, signature)).isTrue();
        assertThat(verifier.verifies(INSTRUCTION.replace("3144.00", "99999.00"), signature)).as("an altered amount").isFalse();
        assertThat(verifier.verifies(INSTRUCTION + " ", signature)).as("one more byte").isFalse();
        assertThat(verifier.verifies(INSTRUCTION, null)).as("unsigned").isFalse();
        assertThat(verifier.verifies(INSTRUCTION, "not base64!")).isFalse();
        String[] other = MessageSignatures.newKeyPair();
        assertThat(verifier.verifies(INSTRUCTION, MessageSignatures.signer(other[0], "k").sign(INSTRUCTION)))
                .as("signed with another key").isFalse();
    }

    @Test
    void while_a_key_is_replaced_signatures_of_either_key_verify() {
        String[] next = MessageSignatures.newKeyPair();
        MessageSignatures.Verifier both = MessageSignatures.verifier(KEYS[1] + "," + next[1], "HUB_CORE_VERIFY_KEY");
        assertThat(both.verifies(INSTRUCTION, MessageSignatures.signer(KEYS[0], "k").sign(INSTRUCTION))).isTrue();
        assertThat(both.verifies(INSTRUCTION, MessageSignatures.signer(next[0], "k").sign(INSTRUCTION))).isTrue();
        assertThat(MessageSignatures.verifier(next[1], "k").verifies(INSTRUCTION, MessageSignatures.signer(KEYS[0], "k").sign(INSTRUCTION)))
                .as("the old key retired").isFalse();
    }

    @Test
    void keys_are_read_as_pem_too_and_a_bad_key_names_the_setting_never_the_value() {
        String pem = "-----BEGIN PUBLIC KEY-----\n" + KEYS[1] + "\n-----END PUBLIC KEY-----\n";
        assertThat(MessageSignatures.verifier(pem, "k").verifies(INSTRUCTION,
                MessageSignatures.signer(KEYS[0], "k").sign(INSTRUCTION))).isTrue();
        assertThatThrownBy(() -> MessageSignatures.signer(KEYS[1], "HUB_CORE_SIGNING_KEY"))
                .hasMessage("HUB_CORE_SIGNING_KEY: not an Ed25519 private key (PKCS#8, Base64)");
        assertThatThrownBy(() -> MessageSignatures.verifier("", "HUB_CORE_VERIFY_KEY")).hasMessage("HUB_CORE_VERIFY_KEY is not set");
        assertThat(MessageSignatures.signer(KEYS[0], "k").toString()).doesNotContain(KEYS[0].substring(0, 20));
    }

    @Test
    void signatures_are_those_of_the_jdk_s_ed25519_both_ways() throws Exception {
        java.security.KeyFactory keys = java.security.KeyFactory.getInstance("Ed25519");
        java.security.PublicKey publicKey = keys.generatePublic(new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(KEYS[1])));
        java.security.PrivateKey privateKey = keys.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(java.util.Base64.getDecoder().decode(KEYS[0])));
        byte[] body = INSTRUCTION.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initVerify(publicKey);
        jdk.update(body);
        assertThat(jdk.verify(java.util.Base64.getDecoder().decode(MessageSignatures.signer(KEYS[0], "k").sign(INSTRUCTION))))
                .as("the JDK verifies what the signer signed").isTrue();

        jdk.initSign(privateKey);
        jdk.update(body);
        String signedByJdk = java.util.Base64.getEncoder().encodeToString(jdk.sign());
        assertThat(MessageSignatures.verifier(KEYS[1], "k").verifies(INSTRUCTION, signedByJdk)).as("the verifier accepts the JDK's").isTrue();
        assertThat(signedByJdk).as("Ed25519 is deterministic").isEqualTo(MessageSignatures.signer(KEYS[0], "k").sign(INSTRUCTION));
    }
}
