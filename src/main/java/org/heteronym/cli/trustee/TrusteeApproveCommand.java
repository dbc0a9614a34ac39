package org.heteronym.cli.trustee;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Base64;
import org.heteronym.cli.AuditException;
import org.heteronym.cli.disclosure.DisclosureCheckException;
import org.heteronym.cli.disclosure.DisclosureLog;
import org.heteronym.cli.disclosure.LoggedEntries;
import org.heteronym.cli.disclosure.ShareContexts;
import org.heteronym.crypto.escrow.DecryptionShare;
import org.heteronym.crypto.escrow.ShareContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code heteronym trustee approve}: after every check of {@code review}, a decryption share for the context derived
 * from the log, encrypted to the logged officer key, submitted signed.
 */
@Command(name = "approve",
        description = {
            "Approve a disclosure request: check it as 'review --request' does, then submit your decryption share.",
            "The share is made for the context derived from the log (request entry, envelope entry, the checkpoint "
                + "the service names, proven by the log) and encrypted to the officer key in the filed entry.",
        })
final class TrusteeApproveCommand extends TrusteeDisclosureCommand {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Option(names = "--request", required = true, paramLabel = "ID", description = "The request to approve.")
    String request;

    @Override
    void run(ReviewClient client, TrusteeKeyFile keyFile, PrintWriter out)
            throws TrusteeException, AuditException, DisclosureCheckException {
        Reviewed reviewed = review(client, request);
        ShareContext context;
        LoggedEntries.Filed filed = reviewed.logged().filed();
        try {
            EpochShare share = keyFile.share(filed.epoch()).orElseThrow(() -> TrusteeException.unavailable(
                    "the key file holds no share of epoch " + filed.epoch().toHex()));
            if (reviewed.view().checkpointSize().isEmpty()) {
                throw TrusteeException.unavailable("no checkpoint covers the request entry yet; retry in a moment");
            }
            long size = reviewed.view().checkpointSize().getAsLong();
            byte[] root = new DisclosureLog(reviewed.log()).rootAt(size, filed);
            context = ShareContexts.derive(filed, size, root, share.index());
            DecryptionShare created = TrusteeShares.createShare(share, filed.envelope(), context, RANDOM);
            String body = "{\"checkpoint_size\":" + size + ",\"share\":\""
                    + Base64.getEncoder().encodeToString(created.encode()) + "\"}";
            int status = client.post("/" + request + "/shares", body);
            out.println((status == 201 ? "share submitted" : "share already stored") + ": request " + request
                    + ", trustee index " + share.index() + ", epoch " + filed.epoch().toHex());
            out.println("context: request entry " + filed.index() + " (sha256 " + filed.entryHash().toHex()
                    + "), envelope entry " + filed.envelopeIndex() + ", checkpoint size " + size + " (root "
                    + Base64.getEncoder().encodeToString(root) + ")");
        } finally {
            reviewed.log().close();
        }
    }
}
