package org.heteronym.log.rest;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.heteronym.log.ConsistencyProof;
import org.heteronym.log.InclusionProof;
import org.heteronym.log.IntegrationWaiter.Receipt;
import org.heteronym.log.TileService.EntryView;

/** The JSON shapes of the log API (docs/log.md), with RFC 9162's field names and standard base64. */
final class LogJson {

    private static final Base64.Encoder B64 = Base64.getEncoder();

    private LogJson() {
    }

    static Map<String, Object> pending() {
        return Map.of("status", "pending");
    }

    static Map<String, Object> receipt(Receipt receipt) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", "integrated");
        json.put("index", receipt.index());
        json.put("checkpoint", receipt.checkpoint());
        json.put("inclusion_proof", inclusion(receipt.proof()));
        return json;
    }

    static Map<String, Object> inclusion(InclusionProof proof) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("leaf_index", proof.index());
        json.put("tree_size", proof.size());
        json.put("leaf_hash", B64.encodeToString(proof.leafHash()));
        json.put("inclusion_path", encode(proof.path()));
        return json;
    }

    static Map<String, Object> consistency(ConsistencyProof proof) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("first", proof.oldSize());
        json.put("second", proof.newSize());
        json.put("consistency_path", encode(proof.path()));
        return json;
    }

    static Map<String, Object> entry(EntryView view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("index", view.index());
        json.put("leaf_hash", B64.encodeToString(view.leafHash()));
        json.put("entry", B64.encodeToString(view.entry()));
        return json;
    }

    private static List<String> encode(List<byte[]> hashes) {
        return hashes.stream().map(B64::encodeToString).toList();
    }
}
