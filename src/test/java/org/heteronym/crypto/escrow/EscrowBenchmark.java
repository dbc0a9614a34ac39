package org.heteronym.crypto.escrow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH benchmark of the escrow primitives against the design targets (docs/escrow-protocol.md): re-randomising an
 * 8-chunk envelope under 2 ms, one share proof verified under 1 ms, a full 3-of-5 opening under 100 ms. Run with
 * {@code ./mvnw verify -Pbenchmark}; results go to target/benchmark/escrow.txt. It measures; it asserts nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EscrowBenchmark {

    private final SecureRandom random = new SecureRandom();
    private TrustedDealer.Dealt dealt;
    private IdentityRecord record;
    private Envelope envelope;
    private OfficerKeyPair officer;
    private ShareContext context;
    private DecryptionShare share;
    private List<DecryptionShare> threeShares;

    @Setup
    public void setUp() throws Exception {
        dealt = TrustedDealer.split(3, 5, random);
        record = Fixtures.record();
        envelope = Envelopes.seal(record, IdentityRecord.DEFAULT_CHUNK_COUNT, dealt.epoch(), random);
        officer = OfficerKeyPair.generate(random);
        context = Fixtures.context(envelope, 1, officer.publicKey());
        share = ShareProver.createShare(dealt.trustee(1), envelope, context, random);
        threeShares = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            threeShares.add(ShareProver.createShare(dealt.trustee(i), envelope, context.forTrustee(i), random));
        }
    }

    @Benchmark
    public Envelope seal8Chunks() throws Exception {
        return Envelopes.seal(record, IdentityRecord.DEFAULT_CHUNK_COUNT, dealt.epoch(), random);
    }

    @Benchmark
    public Envelope rerandomise8Chunks() {
        return Envelopes.rerandomise(envelope, dealt.epoch(), random);
    }

    /** One trustee's decryption share for all 8 chunks, each encrypted to the officer with its proof. */
    @Benchmark
    public DecryptionShare makeShareWithProofs8Chunks() throws Exception {
        return ShareProver.createShare(dealt.trustee(1), envelope, context, random);
    }

    /** Verifies the 8 chunk proofs of one trustee's share (divide by 8 for one proof). */
    @Benchmark
    public VerifiedShare verifyShare8Proofs() throws Exception {
        return ShareVerifier.verify(share, envelope, context, dealt.epoch());
    }

    /** What the officer's tool does: verify three trustees' shares, combine, decrypt, decode. */
    @Benchmark
    public OpenedIdentity openWith3Of5() throws Exception {
        List<VerifiedShare> verified = new ArrayList<>();
        for (DecryptionShare s : threeShares) {
            verified.add(ShareVerifier.verify(s, envelope, context.forTrustee(s.trusteeIndex()), dealt.epoch()));
        }
        return EnvelopeOpener.open(envelope, verified, officer, dealt.epoch());
    }

    @Test
    @Tag("benchmark")
    void escrowBenchmark() throws Exception {
        Path out = Path.of("target", "benchmark", "escrow.txt");
        Files.createDirectories(out.getParent());
        new Runner(new OptionsBuilder()
                .include(EscrowBenchmark.class.getName() + "\\.")
                .resultFormat(ResultFormatType.TEXT)
                .result(out.toString())
                .build()).run();
    }
}
