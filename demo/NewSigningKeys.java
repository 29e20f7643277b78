import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The demo's settlement-core signing key pair (Ed25519), made once into a folder outside the repository:
 * core-signing.key (HUB_CORE_SIGNING_KEY, private, owner-only) and core-verify.pub (HUB_CORE_VERIFY_KEY, public).
 * Run as a single-file program: java demo/NewSigningKeys.java .hub/keys
 */
public class NewSigningKeys {

    public static void main(String[] args) throws Exception {
        Path folder = Files.createDirectories(Path.of(args[0]));
        Path key = folder.resolve("core-signing.key");
        if (Files.exists(key)) {
            return;
        }
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path temp = Files.createTempFile(folder, "key", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        Files.writeString(folder.resolve("core-verify.pub"), Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        Files.move(temp, key);
    }
}
