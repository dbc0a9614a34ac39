package org.heteronym.cli.trustee;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.heteronym.cli.AuditException;
import org.heteronym.cli.disclosure.DisclosureCheckException;
import org.heteronym.cli.disclosure.LoggedEntries;
import org.heteronym.crypto.escrow.DisclosureStatements;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.SchnorrProof;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code heteronym trustee refuse}: a refusal signed with the epoch share, bound to the logged request entry. */
@Command(name = "refuse",
        description = "Refuse a disclosure request, with a reason, signed by your epoch share (docs/disclosure.md §5).")
final class TrusteeRefuseCommand extends TrusteeDisclosureCommand {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--request", required = true, paramLabel = "ID", description = "The request to refuse.")
    String request;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (sent to the service; its "
            + "SHA-256 is logged).")
    String reason;

    @Override
    void run(ReviewClient client, TrusteeKeyFile keyFile, PrintWriter out)
            throws TrusteeException, AuditException, DisclosureCheckException {
        if (reason.isBlank()) {
            throw TrusteeException.unavailable("--reason must not be empty");
        }
        Reviewed reviewed = review(client, request);
        reviewed.log().close();
        LoggedEntries.Filed filed = reviewed.logged().filed();
        EpochShare share = keyFile.share(filed.epoch()).orElseThrow(() -> TrusteeException.unavailable(
                "the key file holds no share of epoch " + filed.epoch().toHex()));
        SchnorrProof signature;
        try {
            signature = DisclosureStatements.signRefusal(share.trusteeKey(), filed.index(), filed.entryHash(), reason,
                    RANDOM);
        } catch (MalformedEncodingException e) {
            throw TrusteeException.unavailable("invalid share in the key file");
        }
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("reason", reason,
                    "signature", Base64.getEncoder().encodeToString(signature.encode())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        client.post("/" + request + "/refusals", body);
        out.println("refusal submitted: request " + request + " (log entry " + filed.index() + "), trustee index "
                + share.index() + ", reason sha256 " + DisclosureStatements.reasonDigest(reason).toHex());
    }
}
