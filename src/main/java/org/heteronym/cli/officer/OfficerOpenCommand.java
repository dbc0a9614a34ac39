package org.heteronym.cli.officer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.heteronym.cli.AuditException;
import org.heteronym.cli.LogOptions;
import org.heteronym.cli.ServiceHttp;
import org.heteronym.cli.VerifiedLog;
import org.heteronym.cli.disclosure.DisclosureCheckException;
import org.heteronym.cli.disclosure.DisclosureLog;
import org.heteronym.cli.disclosure.LoggedEntries;
import org.heteronym.cli.keyfile.KeyFileException;
import org.heteronym.crypto.escrow.EpochKey;
import org.heteronym.crypto.escrow.IdentityRecord;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.OfficerKeyPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code heteronym officer open}: the last step of a disclosure, on the officer's own machine. The service hands over
 * only where the shares are; the shares themselves are read from the public log, each proven included, each proof
 * verified against the context the log gives, and any t combined with the officer's key. The identity is printed
 * here and nowhere else: the service never sees it.
 */
@Command(name = "open", description = "Open a released request's envelope with the shares logged for it.")
final class OfficerOpenCommand implements Callable<Integer> {

    static final String TOKEN_ENV = "HETERONYM_STAFF_TOKEN";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--service", required = true, paramLabel = "URL", description = "The service's base URL.")
    String service;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "Your officer key file.")
    Path key;

    @Option(names = "--request", required = true, paramLabel = "ID", description = "The request id.")
    String request;

    @Option(names = "--staff-token-file", paramLabel = "FILE",
            description = "Your staff bearer token (default: the environment variable " + TOKEN_ENV + ").")
    Path tokenFile;

    @Mixin
    OfficerPassphraseOptions passphraseOptions;

    @Mixin
    LogOptions logOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            open(out);
            out.flush();
            return 0;
        } catch (DisclosureCheckException e) {
            return fail(out, err, 1, "FAILED: " + e.getMessage());
        } catch (AuditException e) {
            return fail(out, err, e.exitCode(), e.getMessage());
        } catch (KeyFileException | ServiceHttp.Failure | MalformedEncodingException e) {
            return fail(out, err, OfficerSubcommand.CANNOT_PROCEED, "error: " + e.getMessage());
        }
    }

    private void open(PrintWriter out) throws KeyFileException, ServiceHttp.Failure, AuditException,
            DisclosureCheckException, MalformedEncodingException {
        if (!request.matches("[0-9a-fA-F-]{36}")) {
            throw new KeyFileException("--request must be a request id (UUID)");
        }
        JsonNode view = fetchRequest();
        if (!view.path("request_index").canConvertToLong()) {
            throw new DisclosureCheckException("the request is not in the log yet");
        }
        OfficerKeyPair officer = readKey();
        try (VerifiedLog log = VerifiedLog.open(logOptions)) {
            DisclosureLog disclosures = new DisclosureLog(log);
            DisclosureLog.Request logged = disclosures.request(view.path("request_index").asLong());
            List<Opening.LoggedShare> shares = new ArrayList<>();
            for (JsonNode share : view.path("shares")) {
                if (!share.path("log_index").canConvertToLong()) {
                    continue; // submitted, not yet integrated: not on the public record, so not used
                }
                long index = share.path("log_index").asLong();
                LoggedEntries.Share entry = LoggedEntries.share(index, log.entry(index));
                shares.add(new Opening.LoggedShare(entry, disclosures.rootAt(entry.checkpointSize(), logged.filed())));
            }
            EpochKey epoch = log.epochKey(logOptions, service, logged.filed().epoch().toHex());
            Opening.Result result = Opening.open(logged.filed(), logged.envelope(), shares, epoch, officer);
            print(out, result, logged, log.checkpoint().size());
        }
    }

    private static void print(PrintWriter out, Opening.Result result, DisclosureLog.Request logged, long size) {
        IdentityRecord id = result.identity();
        out.println("identity of the pseudonym named by request " + logged.filed().request() + ":");
        out.println("  full name:           " + id.fullName());
        out.println("  licensing authority: " + id.licensingAuthority());
        out.println("  licence number:      " + id.licenceNumber());
        out.println("  date of birth:       " + id.dateOfBirth().map(Object::toString).orElse("(not recorded)"));
        out.println("  profession:          " + id.profession());
        out.println("  enrolled on:         " + id.enrollmentDate());
        out.println("receipt (log entries, all proven in the checkpoint of size " + size + "):");
        out.println("  request filed:       " + logged.filed().index());
        out.println("  envelope:            " + logged.envelope().index());
        out.println("  shares used:         " + result.shareIndexes() + " (trustees " + result.trustees() + ")");
    }

    private JsonNode fetchRequest() throws ServiceHttp.Failure, KeyFileException {
        String base = service.replaceAll("/+$", "");
        try (ServiceHttp http = new ServiceHttp(Duration.ofSeconds(30), "heteronym-officer")) {
            var response = http.send(http.request(base + "/disclosure/v1/requests/" + request)
                    .header("Authorization", "Bearer " + token()).header("Accept", "application/json").GET().build(),
                    8 << 20, 200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ServiceHttp.Failure("the service's answer is not JSON");
        }
    }

    private String token() throws KeyFileException {
        try {
            String token = tokenFile != null ? Files.readString(tokenFile, StandardCharsets.UTF_8).strip()
                    : System.getenv(TOKEN_ENV);
            if (token == null || token.isBlank()) {
                throw new KeyFileException("give your staff token with --staff-token-file or " + TOKEN_ENV);
            }
            return token;
        } catch (IOException e) {
            throw new KeyFileException("cannot read " + tokenFile + ": " + e.getMessage());
        }
    }

    private OfficerKeyPair readKey() throws KeyFileException, MalformedEncodingException {
        OfficerKeyFile file = passphraseOptions.readKeyFile(key);
        try {
            return file.keyPair();
        } finally {
            file.wipe();
        }
    }

    private static int fail(PrintWriter out, PrintWriter err, int code, String message) {
        out.flush();
        err.println(message);
        err.flush();
        return code;
    }
}
