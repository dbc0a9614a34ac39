package org.heteronym.cli.trustee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.heteronym.cli.AuditException;
import org.heteronym.cli.HttpText;
import org.heteronym.cli.disclosure.DisclosureCheckException;
import org.heteronym.cli.disclosure.RequestView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code heteronym trustee review}: the open requests on your epochs, or one request checked against the log. */
@Command(name = "review",
        description = {
            "List the open disclosure requests on envelopes of your epochs, or, with --request, show one.",
            "Showing a request downloads its court order and checks it, and everything the service shows, against "
                + "the public log: the order digest, the filed entry, the target digest and the envelope binding.",
        })
final class TrusteeReviewCommand extends TrusteeDisclosureCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--request", paramLabel = "ID", description = "Show and check this request.")
    String request;

    @Option(names = "--save-order", paramLabel = "FILE", description = "Write the order document to FILE.")
    Path saveOrder;

    @Override
    void run(ReviewClient client, TrusteeKeyFile keyFile, PrintWriter out)
            throws TrusteeException, AuditException, DisclosureCheckException {
        if (request == null) {
            list(client, out);
            return;
        }
        Reviewed reviewed = review(client, request);
        try {
            print(reviewed, out);
        } finally {
            reviewed.log().close();
        }
        if (saveOrder != null) {
            try {
                Files.write(saveOrder, reviewed.order(), java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw TrusteeException.unavailable("cannot write " + saveOrder + ": " + e.getMessage());
            }
            out.println("order document written to " + saveOrder);
        }
    }

    private static void list(ReviewClient client, PrintWriter out) throws TrusteeException {
        JsonNode list;
        try {
            list = JSON.readTree(client.list());
        } catch (IOException e) {
            throw TrusteeException.unavailable("server error: the request list is not JSON");
        }
        if (list == null || !list.isArray()) {
            throw TrusteeException.unavailable("server error: the request list is not a JSON array");
        }
        out.println(list.size() + " open request(s)");
        for (JsonNode r : list) {
            out.println(HttpText.printable(r.path("id").asText() + "  " + r.path("state").asText() + "  "
                    + r.path("court").asText() + ", " + r.path("case_reference").asText() + "  forum "
                    + r.path("forum").asText() + "  review " + r.path("review_from").asText() + " to "
                    + r.path("review_until").asText()));
        }
    }

    private static void print(Reviewed reviewed, PrintWriter out) {
        RequestView v = reviewed.view();
        line(out, "request", v.id() + " (" + v.state() + ")");
        line(out, "court", v.court());
        line(out, "case", v.caseReference());
        line(out, "order date", v.orderDate() + ", expires " + v.orderExpires());
        line(out, "order sha256", v.orderSha256().toHex() + " (matches the document and the log)");
        line(out, "forum", v.forum());
        line(out, "pseudonym", v.pseudonym());
        line(out, "posts", v.posts());
        line(out, "reasons", v.reasons());
        line(out, "notice", v.notice());
        line(out, "objections", v.objections().isEmpty() ? "none" : "");
        v.objections().forEach(o -> line(out, "  ", o));
        line(out, "refusals", v.refusals().isEmpty() ? "none" : "");
        v.refusals().forEach(r -> line(out, "  ", r));
        line(out, "shares", v.shares().isEmpty() ? "none" : "");
        v.shares().forEach(s -> line(out, "  ", "trustee " + s.trustee() + " (checkpoint " + s.checkpointSize()
                + (s.logIndex().isPresent() ? ", log entry " + s.logIndex().getAsLong() : ", not logged yet") + ")"));
        out.println("verified against the log (checkpoint of size " + reviewed.log().checkpoint().size()
                + "): filed entry " + reviewed.logged().filed().index() + ", envelope entry "
                + reviewed.logged().envelope().index() + ", target digest and envelope binding");
    }

    private static void line(PrintWriter out, String label, String value) {
        out.println(String.format("%-13s %s", label + ":", HttpText.printable(value)));
    }
}
