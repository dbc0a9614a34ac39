package org.heteronym.crypto.escrow.dkg;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;

/**
 * The public record of one ceremony, as the coordinator stores and logs it: the ceremony parameters, the n Round
 * 1 messages and the n Round 2 messages, each list in participant order. It contains everything a third party
 * needs to run {@link TranscriptVerifier}, and it is COCKTAIL-DKG's "common recovery data" (T and all
 * signatures) together with every participant's encrypted share bundle.
 *
 * <pre>
 * transcript = u8(0x01) || u8(0x10)
 *           || u32(len(sessionId)) || sessionId || u32(t) || u32(n) || P_1 || ... || P_n
 *           || u32(len(r1_1)) || r1_1 || ... || u32(len(r1_n)) || r1_n
 *           || u32(len(r2_1)) || r2_1 || ... || u32(len(r2_n)) || r2_n
 * </pre>
 *
 * <h2>Security guarantees</h2>
 * {@link #decode} is strict (header, ranges, strict points, exact consumption of the input). Message contents
 * are not checked here; that is {@link TranscriptVerifier}'s job.
 *
 * <h2>WARNING</h2>
 * The transcript contains every encrypted share: a participant's static secret d_i decrypts that participant's
 * shares from it. It reveals no secret to anyone else.
 */
public final class DkgTranscript {
    private static final byte VERSION = 0x01;
    private static final byte TYPE = 0x10;
    private final CeremonyParameters parameters;
    private final List<byte[]> round1;
    private final List<byte[]> round2;

    public DkgTranscript(CeremonyParameters parameters, List<byte[]> round1Messages, List<byte[]> round2Messages) {
        this.parameters = Objects.requireNonNull(parameters);
        this.round1 = copy(round1Messages);
        this.round2 = copy(round2Messages);
        int n = parameters.participantCount();
        if (round1.size() != n || round2.size() != n) {
            throw new IllegalArgumentException("need n Round 1 and n Round 2 messages");
        }
    }

    public CeremonyParameters parameters() {
        return parameters;
    }

    public List<byte[]> round1Messages() {
        return copy(round1);
    }

    public List<byte[]> round2Messages() {
        return copy(round2);
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(VERSION);
        out.write(TYPE);
        byte[] sid = parameters.sessionId();
        Wire.u32be(out, sid.length);
        out.writeBytes(sid);
        Wire.u32be(out, parameters.threshold());
        Wire.u32be(out, parameters.participantCount());
        parameters.participantKeys().forEach(p -> out.writeBytes(p.encode()));
        for (List<byte[]> round : List.of(round1, round2)) {
            for (byte[] m : round) {
                Wire.u32be(out, m.length);
                out.writeBytes(m);
            }
        }
        return out.toByteArray();
    }

    public static DkgTranscript decode(byte[] enc) throws MalformedEncodingException {
        Reader r = new Reader(enc);
        if (r.take(1)[0] != VERSION || r.take(1)[0] != TYPE) {
            throw new MalformedEncodingException("DKG transcript: unknown version or type");
        }
        byte[] sid = r.take(r.length(CeremonyParameters.MAX_SESSION_ID_LENGTH));
        long t = r.u32();
        long n = r.u32();
        if (n < 1 || n > CeremonyParameters.MAX_PARTICIPANTS || t < 1 || t > n) {
            throw new MalformedEncodingException("DKG transcript: need 1 ≤ t ≤ n ≤ " + CeremonyParameters.MAX_PARTICIPANTS);
        }
        List<Point> keys = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            keys.add(Point.decode(r.take(Point.ENCODED_LENGTH)));
        }
        CeremonyParameters params;
        try {
            params = new CeremonyParameters(sid, (int) t, keys);
        } catch (IllegalArgumentException e) {
            throw new MalformedEncodingException("DKG transcript: " + e.getMessage());
        }
        List<List<byte[]>> rounds = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            List<byte[]> msgs = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                msgs.add(r.take(r.length(Integer.MAX_VALUE)));
            }
            rounds.add(msgs);
        }
        if (r.pos != enc.length) {
            throw new MalformedEncodingException("DKG transcript: trailing bytes");
        }
        return new DkgTranscript(params, rounds.get(0), rounds.get(1));
    }

    private static List<byte[]> copy(List<byte[]> l) {
        return l.stream().map(b -> Objects.requireNonNull(b).clone()).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DkgTranscript d && Arrays.equals(encode(), d.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    private static final class Reader {
        private final byte[] in;
        private int pos;

        Reader(byte[] in) {
            this.in = Objects.requireNonNull(in);
        }

        byte[] take(int len) throws MalformedEncodingException {
            if (len < 0 || len > in.length - pos) {
                throw new MalformedEncodingException("DKG transcript: truncated");
            }
            byte[] out = Arrays.copyOfRange(in, pos, pos + len);
            pos += len;
            return out;
        }

        long u32() throws MalformedEncodingException {
            return Wire.getU32be(take(4), 0);
        }

        int length(int max) throws MalformedEncodingException {
            long len = u32();
            if (len < 1 || len > max) {
                throw new MalformedEncodingException("DKG transcript: length out of range");
            }
            return (int) len;
        }
    }
}
