package org.heteronym.escrow.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.heteronym.escrow.Ceremony;
import org.heteronym.escrow.CeremonyCoordinator;
import org.heteronym.escrow.CeremonyCoordinator.CeremonyStatus;
import org.heteronym.escrow.CeremonyCoordinator.RoundView;
import org.heteronym.escrow.CeremonyParticipant;
import org.heteronym.escrow.Epoch;
import org.heteronym.escrow.Trustee;

/** JSON shapes of the escrow API (docs/escrow-protocol.md §21, "Coordinator API"); bytes in standard base64. */
final class EscrowJson {

    private static final Base64.Encoder B64 = Base64.getEncoder();

    private EscrowJson() {
    }

    static Map<String, Object> trustee(Trustee trustee) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", trustee.id.toString());
        json.put("name", trustee.name);
        json.put("public_key", B64.encodeToString(trustee.publicKey));
        json.put("registered_on", trustee.registeredOn.toString());
        return json;
    }

    static Map<String, Object> ceremony(CeremonyStatus status) {
        Ceremony ceremony = status.ceremony();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", ceremony.id);
        json.put("session_id", B64.encodeToString(ceremony.sessionId));
        json.put("threshold", ceremony.threshold);
        List<Map<String, Object>> participants = new ArrayList<>();
        for (CeremonyParticipant p : CeremonyCoordinator.participants(ceremony)) {
            Map<String, Object> participant = new LinkedHashMap<>();
            participant.put("index", p.index());
            participant.put("name", p.name());
            participant.put("public_key", p.publicKey());
            participants.add(participant);
        }
        json.put("participants", participants);
        json.put("context", CeremonyCoordinator.context(ceremony));
        json.put("state", ceremony.state.name().toLowerCase(Locale.ROOT));
        if (status.epoch() != null) {
            json.put("epoch_id", status.epoch().id);
            json.put("joint_key", B64.encodeToString(status.epoch().jointKey));
        }
        if (ceremony.abortReason != null) {
            json.put("abort_reason", ceremony.abortReason);
            json.put("culprit", ceremony.culprit);
        }
        return json;
    }

    static Map<String, Object> round(RoundView view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("complete", view.complete());
        json.put("received", view.received());
        if (view.complete()) {
            json.put("messages", view.messages().stream().map(B64::encodeToString).toList());
        }
        return json;
    }

    static Map<String, Object> epoch(Epoch epoch) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", epoch.id);
        json.put("ceremony", epoch.ceremonyId);
        json.put("threshold", epoch.threshold);
        json.put("participants", epoch.participants);
        json.put("joint_key", B64.encodeToString(epoch.jointKey));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < epoch.participants; i++) {
            keys.add(B64.encodeToString(Arrays.copyOfRange(epoch.trusteeKeys, i * 33, (i + 1) * 33)));
        }
        json.put("trustee_keys", keys);
        json.put("log_leaf_hash", hex(epoch.logLeafHash));
        json.put("established_on", epoch.establishedOn.toString());
        return json;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
