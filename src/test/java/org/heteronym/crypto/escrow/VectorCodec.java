package org.heteronym.crypto.escrow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.util.encoders.Hex;

/** TEST ONLY: conversions between escrow values and the JSON shapes of the test-vector files. */
final class VectorCodec {
    private VectorCodec() {}

    static String hex(byte[] b) {
        return Hex.toHexString(b);
    }

    static String hex(Point p) {
        return Hex.toHexString(p.encode());
    }

    static String hex(Scalar s) {
        return Hex.toHexString(s.encode());
    }

    static List<String> hexScalars(Scalar[] s) {
        List<String> out = new ArrayList<>();
        for (Scalar x : s) {
            out.add(hex(x));
        }
        return out;
    }

    static byte[] bytes(Object hex) {
        return Hex.decodeStrict((String) hex);
    }

    static Scalar scalar(Object hex) throws MalformedEncodingException {
        return Scalar.decode(bytes(hex));
    }

    static Point point(Object hex) throws MalformedEncodingException {
        return Point.decode(bytes(hex));
    }

    static Scalar[] scalars(Object list) throws MalformedEncodingException {
        List<?> l = (List<?>) list;
        Scalar[] out = new Scalar[l.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = scalar(l.get(k));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object o) {
        return (Map<String, Object>) o;
    }

    static int integer(Object o) {
        return Math.toIntExact((Long) o);
    }

    static Map<String, Object> record(IdentityRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("licensingAuthority", r.licensingAuthority());
        m.put("licenceNumber", r.licenceNumber());
        m.put("fullName", r.fullName());
        m.put("dateOfBirth", r.dateOfBirth().map(LocalDate::toString).orElse(null));
        m.put("profession", r.profession());
        m.put("evidenceDigest", r.evidenceDigest().toHex());
        m.put("enrollmentDate", r.enrollmentDate().toString());
        return m;
    }

    static IdentityRecord record(Object json) {
        Map<String, Object> m = obj(json);
        return new IdentityRecord((String) m.get("licensingAuthority"), (String) m.get("licenceNumber"),
                (String) m.get("fullName"), Optional.ofNullable((String) m.get("dateOfBirth")).map(LocalDate::parse),
                (String) m.get("profession"), Hash32.fromHex((String) m.get("evidenceDigest")),
                LocalDate.parse((String) m.get("enrollmentDate")));
    }

    static Map<String, Object> context(ShareContext c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requestIndex", c.requestIndex());
        m.put("requestEntryHash", c.requestEntryHash().toHex());
        m.put("envelopeIndex", c.envelopeIndex());
        m.put("envelopeHash", c.envelopeHash().toHex());
        m.put("checkpointSize", c.checkpointSize());
        m.put("checkpointRoot", c.checkpointRoot().toHex());
        m.put("epochId", c.epochId().toHex());
        m.put("trusteeIndex", c.trusteeIndex());
        m.put("officerKey", hex(c.officerKey()));
        m.put("encoding", hex(c.encode()));
        return m;
    }

    static ShareContext context(Object json) throws MalformedEncodingException {
        Map<String, Object> m = obj(json);
        return new ShareContext((Long) m.get("requestIndex"), Hash32.fromHex((String) m.get("requestEntryHash")),
                (Long) m.get("envelopeIndex"), Hash32.fromHex((String) m.get("envelopeHash")),
                (Long) m.get("checkpointSize"), Hash32.fromHex((String) m.get("checkpointRoot")),
                Hash32.fromHex((String) m.get("epochId")), integer(m.get("trusteeIndex")), point(m.get("officerKey")));
    }
}
