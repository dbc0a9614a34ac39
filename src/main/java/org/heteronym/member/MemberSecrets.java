package org.heteronym.member;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.heteronym.config.DevKeys;
import org.heteronym.credential.VerifiedCredential;
import org.heteronym.crypto.member.DuplicateTag;
import org.heteronym.crypto.member.HandleCipher;
import org.heteronym.crypto.member.MemberKeys;

/**
 * The member keys, read once from the secret file named by {@code heteronym.member.secret-file} (base64 of 32
 * random bytes; a Kubernetes Secret in production). A missing or malformed file stops the service at start-up.
 */
@ApplicationScoped
public class MemberSecrets {

    private final MemberKeys keys;
    private final HandleCipher handles;

    MemberSecrets(@ConfigProperty(name = "heteronym.member.secret-file") Path file, DevKeys devKeys) {
        devKeys.ensureSecret(file);
        this.keys = MemberKeys.derive(read(file));
        this.handles = new HandleCipher(keys.handleKey(), new SecureRandom());
    }

    byte[] duplicateTag(VerifiedCredential credential) {
        return DuplicateTag.compute(keys.tagKey(), credential.authority(), credential.licenceNumber());
    }

    byte[] sealHandle(byte[] handle, byte[] duplicateTag) {
        return handles.seal(handle, duplicateTag);
    }

    byte[] openHandle(byte[] sealed, byte[] duplicateTag) throws AEADBadTagException {
        return handles.open(sealed, duplicateTag);
    }

    private static byte[] read(Path file) {
        try {
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the member secret " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the member secret " + file + " is not base64", e);
        }
    }
}
