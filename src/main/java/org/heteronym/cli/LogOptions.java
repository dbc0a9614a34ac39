package org.heteronym.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.heteronym.crypto.note.NoteException;
import org.heteronym.crypto.note.NoteVerifier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Options every audit command takes: where the log is and which key it must be signed with. */
public final class LogOptions {

    private static final int MAX_VKEY_FILE_BYTES = 64 * 1024;

    @Option(names = "--log", required = true, paramLabel = "URL",
            description = "Base URL of the log, e.g. http://127.0.0.1:8080/log")
    String log;

    /** The log's base URL as given. */
    public String url() {
        return log;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    VerifierKey verifierKey;

    @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "Connect and per-request timeout in seconds (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    static final class VerifierKey {
        @Option(names = "--vkey", paramLabel = "VKEY", required = true,
                description = "The log's verifier key, <name>+<key id>+<key>, obtained out of band")
        String vkey;

        @Option(names = "--vkey-file", paramLabel = "FILE", required = true,
                description = "File holding the log's verifier key on one line")
        Path vkeyFile;
    }

    /** The trusted key, from {@code --vkey} or {@code --vkey-file}. */
    NoteVerifier verifier() throws AuditException {
        String vkey = verifierKey.vkey;
        if (vkey == null) {
            try {
                if (Files.size(verifierKey.vkeyFile) > MAX_VKEY_FILE_BYTES) {
                    throw AuditException.unavailable("verifier key file " + verifierKey.vkeyFile + " is too large");
                }
                vkey = Files.readString(verifierKey.vkeyFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw AuditException.unavailable("cannot read verifier key file " + verifierKey.vkeyFile + ": "
                        + describe(e));
            }
        }
        try {
            return NoteVerifier.fromVkey(vkey.strip());
        } catch (NoteException e) {
            throw AuditException.unavailable("the given vkey is not usable: " + e.getMessage());
        }
    }

    /** A client for the log, after checking that the URL is a plain http(s) base URL. */
    LogClient client() throws AuditException {
        return client(log, "--log");
    }

    /** A client for another base URL of the same service, with the same checks and timeout. */
    LogClient client(String url, String option) throws AuditException {
        URI base;
        try {
            base = new URI(url);
        } catch (URISyntaxException e) {
            throw AuditException.unavailable(option + " is not a URL: " + e.getMessage());
        }
        String scheme = base.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || base.getHost() == null || base.getRawQuery() != null || base.getRawFragment() != null) {
            throw AuditException.unavailable(option + " must be an http:// or https:// base URL without query, got " + url);
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw AuditException.unavailable("--timeout must be between 1 and 3600 seconds");
        }
        return new LogClient(base, Duration.ofSeconds(timeoutSeconds));
    }

    static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
