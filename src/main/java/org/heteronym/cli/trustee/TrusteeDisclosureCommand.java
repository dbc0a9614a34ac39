package org.heteronym.cli.trustee;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.heteronym.cli.AuditException;
import org.heteronym.cli.LogOptions;
import org.heteronym.cli.VerifiedLog;
import org.heteronym.cli.disclosure.DisclosureCheckException;
import org.heteronym.cli.disclosure.DisclosureLog;
import org.heteronym.cli.disclosure.RequestView;
import org.heteronym.cli.disclosure.TrusteeChecks;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Scalar;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code trustee review}, {@code approve} and {@code refuse} share: the key file, the signed review client, and
 * the review of one request against the public log ({@link TrusteeChecks}). Anything that does not check out ends
 * the command with exit 1 before anything is sent.
 */
abstract class TrusteeDisclosureCommand extends TrusteeSubcommand {

    @Option(names = "--service", required = true, paramLabel = "URL", description = "The service's base URL.")
    String service;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "The trustee key file.")
    Path key;

    @Option(names = "--trustee-id", required = true, paramLabel = "UUID",
            description = "Your trustee id, as the operator registered you.")
    UUID trusteeId;

    @Mixin
    PassphraseOptions passphraseOptions;

    @Mixin
    LogOptions logOptions;

    /** One request, reviewed: the service's view, the order document, and the log's entries that match them. */
    record Reviewed(RequestView view, byte[] order, DisclosureLog.Request logged, VerifiedLog log) {
    }

    @Override
    final void execute(PrintWriter out) throws TrusteeException {
        TrusteeKeyFile keyFile = passphraseOptions.readKeyFile(key);
        byte[] secret = null;
        try {
            secret = keyFile.staticKey().exportSecret();
            try (ReviewClient client = new ReviewClient(serviceUri(), trusteeId, Scalar.decodeNonZero(secret),
                    Duration.ofSeconds(30))) {
                run(client, keyFile, out);
            }
        } catch (MalformedEncodingException e) {
            throw TrusteeException.unavailable("key file " + key + " holds an invalid static key");
        } catch (AuditException e) {
            throw e.exitCode() == 1 ? TrusteeException.failed(e.getMessage())
                    : TrusteeException.unavailable(e.getMessage());
        } catch (DisclosureCheckException e) {
            throw TrusteeException.failed(e.getMessage() + "; do not act on this request");
        } finally {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
            keyFile.wipe();
        }
    }

    abstract void run(ReviewClient client, TrusteeKeyFile keyFile, PrintWriter out)
            throws TrusteeException, AuditException, DisclosureCheckException;

    /** Fetches request {@code id} and its order, and checks both against the log; the caller closes the log. */
    Reviewed review(ReviewClient client, String id) throws TrusteeException, AuditException, DisclosureCheckException {
        if (!id.matches("[0-9a-fA-F-]{36}")) {
            throw TrusteeException.unavailable("--request must be a request id (UUID)");
        }
        RequestView view = RequestView.parse(client.request(id), "the service's request " + id);
        byte[] order = client.order(id);
        if (view.requestIndex().isEmpty()) {
            throw TrusteeException.unavailable("request " + id + " is not in the log yet; retry in a moment");
        }
        VerifiedLog log = VerifiedLog.open(logOptions);
        try {
            DisclosureLog.Request logged = new DisclosureLog(log).request(view.requestIndex().getAsLong());
            TrusteeChecks.check(view, logged.filed(), logged.envelope(), order);
            return new Reviewed(view, order, logged, log);
        } catch (AuditException | DisclosureCheckException | RuntimeException e) {
            log.close();
            throw e;
        }
    }

    private URI serviceUri() throws TrusteeException {
        try {
            URI uri = new URI(service);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null
                    || uri.getRawQuery() != null) {
                throw TrusteeException.unavailable("--service must be an http:// or https:// base URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw TrusteeException.unavailable("--service is not a URL: " + e.getMessage());
        }
    }
}
