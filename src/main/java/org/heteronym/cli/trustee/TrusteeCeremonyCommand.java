package org.heteronym.cli.trustee;

import org.heteronym.cli.HttpText;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.dkg.CeremonyParameters;
import org.heteronym.crypto.escrow.dkg.DkgAbortException;
import org.heteronym.crypto.escrow.dkg.DkgResult;
import org.heteronym.crypto.escrow.dkg.Participant;
import org.heteronym.crypto.escrow.dkg.StaticKeyPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code heteronym trustee ceremony}: this trustee's part of a COCKTAIL-DKG ceremony (docs/escrow-protocol.md
 * §21) coordinated by the service. Every message the service relays is verified by {@link Participant}; the
 * service is trusted for nothing but liveness. On success the epoch share is added to the key file.
 */
@Command(name = "ceremony",
        description = {
            "Take part in a distributed key generation ceremony coordinated by the service.",
            "Prints t, n and the ceremony context (hex) first: confirm them with the other trustees over an "
                + "authenticated channel, or pass --expect-threshold and --expect-context. On success stores the "
                + "epoch share in the key file and prints the epoch id and joint key.",
        })
final class TrusteeCeremonyCommand extends TrusteeSubcommand {

    /** Poll interval while waiting for the other trustees; tests may lower it. */
    static Duration pollInterval = Duration.ofMillis(500);
    private static final Duration MAX_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    @Option(names = "--service", required = true, paramLabel = "URL", description = "The service's base URL.")
    String service;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "The trustee key file.")
    Path key;

    @Option(names = "--ceremony", required = true, paramLabel = "ID", description = "The ceremony id.")
    String ceremonyId;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Give up after this many seconds in total (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--expect-threshold", paramLabel = "T",
            description = "Fail unless the ceremony's threshold is T.")
    Integer expectThreshold;

    @Option(names = "--expect-context", paramLabel = "HEX",
            description = "Fail unless the ceremony context (64 hex digits) is HEX.")
    String expectContext;

    @Mixin
    PassphraseOptions passphraseOptions;

    @Override
    void execute(PrintWriter out) throws TrusteeException {
        URI serviceUri = checkArguments();
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        char[] passphrase = passphraseOptions.passphrase(false);
        TrusteeKeyFile keyFile = null;
        try {
            keyFile = TrusteeKeyFile.read(key, passphrase);
            StaticKeyPair staticKey;
            try {
                staticKey = keyFile.staticKey();
            } catch (MalformedEncodingException e) {
                throw TrusteeException.unavailable("key file " + key + " holds an invalid static key");
            }
            Duration requestTimeout = Duration.ofSeconds(timeoutSeconds).compareTo(MAX_REQUEST_TIMEOUT) < 0
                    ? Duration.ofSeconds(timeoutSeconds) : MAX_REQUEST_TIMEOUT;
            DkgResult result;
            try (CeremonyClient client = new CeremonyClient(serviceUri, ceremonyId, requestTimeout)) {
                result = run(client, staticKey, deadline, out);
            }
            keyFile.addShare(result.transcriptHash(), result.trusteeKey());
            keyFile.replace(key, passphrase);
            out.println("stored the share of trustee " + result.trusteeKey().index() + " in " + key);
            out.println("epoch id: " + result.transcriptHash().toHex());
            out.println("joint key: " + Base64.getEncoder().encodeToString(result.jointKey().encode()));
        } finally {
            Arrays.fill(passphrase, '\0');
            if (keyFile != null) {
                keyFile.wipe();
            }
        }
    }

    private URI checkArguments() throws TrusteeException {
        if (timeoutSeconds < 1 || timeoutSeconds > 24 * 3600) {
            throw TrusteeException.unavailable("--timeout must be 1..86400 seconds");
        }
        if (!CeremonyClient.CEREMONY_ID.matcher(ceremonyId).matches()) {
            throw TrusteeException.unavailable("--ceremony must be 1..200 characters of A-Z a-z 0-9 . _ ~ -");
        }
        if (expectContext != null && !expectContext.matches("[0-9a-fA-F]{64}")) {
            throw TrusteeException.unavailable("--expect-context must be 64 hex digits");
        }
        try {
            URI uri = new URI(service);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw TrusteeException.unavailable("--service must be an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw TrusteeException.unavailable("--service is not a URL: " + e.getMessage());
        }
    }

    private DkgResult run(CeremonyClient client, StaticKeyPair staticKey, long deadline, PrintWriter out)
            throws TrusteeException {
        CeremonyClient.CeremonyInfo info = client.ceremony();
        if (!ceremonyId.equals(info.id())) {
            throw TrusteeException.failed("the service answered for ceremony \"" + HttpText.printable(info.id())
                    + "\", not \"" + ceremonyId + "\"");
        }
        List<Point> keys = info.participants().stream().map(CeremonyClient.ParticipantInfo::publicKey).toList();
        CeremonyParameters params;
        try {
            params = new CeremonyParameters(info.sessionId(), info.threshold(), keys);
        } catch (IllegalArgumentException e) {
            throw TrusteeException.failed("invalid ceremony parameters: " + e.getMessage());
        }
        String context = params.context().toHex();
        if (!context.equals(info.context().toLowerCase(Locale.ROOT))) {
            throw TrusteeException.failed("the service's context " + HttpText.printable(info.context())
                    + " is not the one computed from the session id and participant keys, " + context);
        }
        int index = keys.indexOf(staticKey.publicKey()) + 1;
        if (index == 0) {
            throw TrusteeException.unavailable("this key file's public key "
                    + Base64.getEncoder().encodeToString(staticKey.publicKey().encode())
                    + " is not a participant of ceremony " + ceremonyId);
        }
        out.println("ceremony " + ceremonyId + ": threshold t = " + params.threshold() + ", participants n = "
                + params.participantCount());
        out.println("context: " + context);
        out.println("this trustee: participant " + index
                + (info.participants().get(index - 1).name().isEmpty() ? ""
                        : " (" + info.participants().get(index - 1).name() + ")"));
        out.flush();
        if (expectThreshold != null && expectThreshold != params.threshold()) {
            throw TrusteeException.failed("the ceremony's threshold is " + params.threshold() + ", expected "
                    + expectThreshold);
        }
        if (expectContext != null && !expectContext.toLowerCase(Locale.ROOT).equals(context)) {
            throw TrusteeException.failed("the ceremony's context is " + context + ", expected "
                    + expectContext.toLowerCase(Locale.ROOT));
        }
        if (!"round1".equals(info.state())) {
            throw TrusteeException.unavailable("ceremony " + ceremonyId + " is in state \""
                    + HttpText.printable(info.state()) + "\", not round1: it cannot be joined now (an "
                    + "interrupted ceremony cannot be resumed; the service must start a new one)"
                    + abortSuffix(info));
        }
        Participant participant = new Participant(params, index, staticKey, new SecureRandom());
        try {
            client.putMessage(1, index, participant.round1());
            out.println("round 1: sent; waiting for the other trustees");
            out.flush();
            List<byte[]> round1 = await(client, 1, params.participantCount(), deadline);
            client.putMessage(2, index, participant.round2(round1));
            out.println("round 2: all round 1 messages verified; sent; waiting for the other trustees");
            out.flush();
            List<byte[]> round2 = await(client, 2, params.participantCount(), deadline);
            DkgResult result = participant.finish(round2);
            checkServiceOutcome(client, result, deadline);
            return result;
        } catch (DkgAbortException e) {
            throw TrusteeException.failed("ceremony aborted: " + e.getMessage());
        }
    }

    private static String abortSuffix(CeremonyClient.CeremonyInfo info) {
        if (!"aborted".equals(info.state())) {
            return "";
        }
        return "; the service reports: " + (info.abortReason() == null ? "no reason"
                : HttpText.printable(info.abortReason()))
                + (info.culprit() == null ? "" : " by participant " + info.culprit());
    }

    private List<byte[]> await(CeremonyClient client, int round, int n, long deadline) throws TrusteeException {
        while (true) {
            CeremonyClient.RoundStatus status = client.round(round, n);
            if (status.complete()) {
                return status.messages();
            }
            sleepUntilNextPoll(deadline, "round " + round + " (" + status.received() + " of " + n
                    + " messages received)");
        }
    }

    /** After finish: the service's epoch must be the one computed here (the service may still be verifying). */
    private void checkServiceOutcome(CeremonyClient client, DkgResult result, long deadline)
            throws TrusteeException {
        while (true) {
            CeremonyClient.CeremonyInfo info = client.ceremony();
            switch (info.state()) {
                case "complete" -> {
                    String epochId = result.transcriptHash().toHex();
                    if (info.epochId() == null || !epochId.equals(info.epochId().toLowerCase(Locale.ROOT))) {
                        throw TrusteeException.failed("the service reports epoch id "
                                + (info.epochId() == null ? "(none)" : HttpText.printable(info.epochId()))
                                + " but this trustee computed " + epochId);
                    }
                    if (info.jointKey() == null || !Arrays.equals(info.jointKey(), result.jointKey().encode())) {
                        throw TrusteeException.failed("the service reports a joint key that differs from the one "
                                + "this trustee computed, " + Base64.getEncoder().encodeToString(
                                        result.jointKey().encode()));
                    }
                    return;
                }
                case "aborted" -> throw TrusteeException.failed("the service aborted the ceremony although every "
                        + "message verified here" + abortSuffix(info) + "; the share was not stored");
                default -> sleepUntilNextPoll(deadline, "the service to complete the ceremony");
            }
        }
    }

    private static void sleepUntilNextPoll(long deadline, String waitingFor) throws TrusteeException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw TrusteeException.unavailable("timed out waiting for " + waitingFor);
        }
        try {
            Thread.sleep(Math.min(pollInterval.toMillis(), Duration.ofNanos(remaining).toMillis() + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TrusteeException.unavailable("interrupted while waiting for " + waitingFor);
        }
    }
}
