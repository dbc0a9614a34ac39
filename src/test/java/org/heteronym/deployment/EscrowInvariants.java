package org.heteronym.deployment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.heteronym.cli.InProcessCli;
import org.heteronym.crypto.merkle.MerkleHash;
import org.heteronym.crypto.note.CheckpointVerifier;
import org.heteronym.crypto.note.NoteVerifier;
import org.heteronym.crypto.note.VerifiedCheckpoint;
import org.heteronym.testing.ServiceProcess;

/**
 * What must hold of the escrow whatever failed, read from the service's database and public log: no pseudonym without
 * its logged envelope, no log gap, every checkpoint signed and a prefix of the one tree, no disclosure request or
 * share without its log entry and none in an impossible state, no member without a passkey, and every append the
 * service acknowledged in the log.
 */
final class EscrowInvariants {

    private final ServiceProcess service;
    private final Set<String> acknowledged = new HashSet<>();
    private final Set<Long> checkedCheckpoints = new HashSet<>();

    EscrowInvariants(ServiceProcess service) {
        this.service = service;
    }

    /** An append the service acknowledged: it must be in the log from now on. */
    void acknowledged(String statement) {
        acknowledged.add(statement);
    }

    long count(String sql) throws SQLException {
        try (Connection db = ServiceProcess.database(service.schema()); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Checks every invariant once the sequencer has integrated what was committed; {@code after} names the fault. */
    void check(String after) throws Exception {
        service.restartIfDead();
        assertEquals(0, service.awaitNothingPending(), after + ": every committed entry is integrated");
        assertEquals(0, count("select count(*) from pseudonym p where not exists (select 1 from log_node n"
                + " where n.level = 0 and n.hash = p.log_leaf_hash)"),
                after + ": a pseudonym without its envelope entry");
        assertEquals(0, count("select count(*) from member m where not exists (select 1 from member_passkey k"
                + " where k.member_id = m.id)"), after + ": a member without a passkey");
        assertEquals(0, count("select count(*) from disclosure_request r where not exists (select 1 from log_entry e"
                + " where e.pending_id = r.filed_pending_id)"), after + ": a request without its filing entry");
        assertEquals(0, count("select count(*) from disclosure_share s where not exists (select 1 from log_entry e"
                + " where e.pending_id = s.pending_id)"), after + ": a share without its log entry");
        assertEquals(0, count("select count(*) from disclosure_request r join epoch p on p.id = r.epoch_id"
                + " where (r.state = 'released') <> ((select count(*) from disclosure_share s"
                + " where s.request_id = r.id) >= p.threshold) and r.state in ('released', 'review', 'notice')"),
                after + ": a request released without t shares, or t shares and not released");
        checkLog(after);
    }

    /** The real auditors, from the public log alone: the whole log replayed, and every disclosure's rules. */
    void checkWithAuditors() throws Exception {
        String vkey = service.vkey();
        for (String audit : List.of("replay", "disclosures")) {
            InProcessCli.Result result = InProcessCli.run("audit", audit, "--log", service.logUrl(), "--vkey", vkey);
            assertEquals(0, result.exitCode(), "heteronym audit " + audit + ": " + result);
        }
    }

    /**
     * Indexes 0, 1, 2, … with one leaf each; every checkpoint the service ever signed verifies and its root is the
     * tree head of that many leaves (so every checkpoint is consistent with every earlier one); every acknowledged
     * append is among the entries.
     */
    private void checkLog(String after) throws Exception {
        NoteVerifier verifier = NoteVerifier.fromVkey(service.vkey());
        List<byte[]> leaves = new ArrayList<>();
        Set<String> found = new HashSet<>();
        try (Connection db = ServiceProcess.database(service.schema()); Statement statement = db.createStatement()) {
            try (ResultSet rows = statement.executeQuery("select e.idx, e.entry, n.hash from log_entry e left join"
                    + " log_node n on n.level = 0 and n.idx = e.idx order by e.idx")) {
                while (rows.next()) {
                    assertEquals(leaves.size(), rows.getLong(1), after + ": a gap or a repeat in the log");
                    byte[] entry = rows.getBytes(2);
                    assertArrayEquals(MerkleHash.leafHash(entry), rows.getBytes(3), after + ": entry "
                            + rows.getLong(1) + " and its leaf differ");
                    leaves.add(rows.getBytes(3));
                    String text = new String(entry, StandardCharsets.UTF_8);
                    for (String mark : acknowledged) {
                        if (text.contains(mark)) {
                            found.add(mark);
                        }
                    }
                }
            }
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(found);
            assertEquals(Set.of(), lost, after + ": acknowledged appends missing from the log");
            try (ResultSet rows = statement.executeQuery("select size, root, note from log_checkpoint order by size")) {
                while (rows.next()) {
                    long size = rows.getLong(1);
                    if (!checkedCheckpoints.add(size)) {
                        continue;
                    }
                    VerifiedCheckpoint checkpoint = CheckpointVerifier.verify(rows.getString(3), verifier,
                            service.origin());
                    assertEquals(size, checkpoint.size(), after);
                    assertArrayEquals(rows.getBytes(2), checkpoint.rootHash(), after);
                    assertArrayEquals(treeHead(leaves.subList(0, (int) size)), checkpoint.rootHash(),
                            after + ": checkpoint " + size + " is not the head of the log's first " + size + " leaves");
                }
            }
        }
    }

    /** RFC 9162 §2.1.1 MTH, recursively: the split is the largest power of two below the size. */
    private static byte[] treeHead(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.getFirst();
        }
        int split = Integer.highestOneBit(leaves.size() - 1);
        return MerkleHash.nodeHash(treeHead(leaves.subList(0, split)), treeHead(leaves.subList(split, leaves.size())));
    }
}
