package org.heteronym.crypto.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProofPlanTest {

    @Test
    void impossibleProofsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ProofPlan.inclusion(0, 0));
        assertThrows(IllegalArgumentException.class, () -> ProofPlan.inclusion(5, 5));
        assertThrows(IllegalArgumentException.class, () -> ProofPlan.inclusion(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> ProofPlan.consistency(6, 5));
        assertThrows(IllegalArgumentException.class, () -> ProofPlan.consistency(-1, 5));
    }

    @Test
    void trivialConsistencyProofsNeedNoNodes() {
        assertEquals(List.of(), ProofPlan.consistency(0, 10).nodes());
        assertEquals(List.of(), ProofPlan.consistency(10, 10).nodes());
        assertEquals(List.of(), ProofPlan.consistency(10, 10).assemble(Map.of()));
    }

    @Test
    void ephemeralRightBorderIsFetchedAsItsPerfectPieces() {
        // Leaf 0 in a tree of 7: siblings (0,1), (1,1), then the right half [4,7) which is not perfect and is
        // rebuilt from (1,2) and (0,6).
        ProofPlan plan = ProofPlan.inclusion(0, 7);
        assertEquals(List.of(new NodeId(0, 1), new NodeId(1, 1), new NodeId(0, 6), new NodeId(1, 2)), plan.nodes());
        assertEquals(3, plan.proofLength());
    }

    @Test
    void planForAHugeTreeNeedsLogarithmicallyManyNodes() {
        ProofPlan plan = ProofPlan.inclusion(123_456_789_012L, 987_654_321_098L);
        assertEquals(true, plan.nodes().size() <= 2 * 40);
        ProofPlan consistency = ProofPlan.consistency(123_456_789_011L, 987_654_321_098L);
        assertEquals(true, consistency.nodes().size() <= 2 * 40);
    }

    @Test
    void assemblingWithoutANeededNodeFails() {
        ProofPlan plan = ProofPlan.inclusion(2, 5);
        Map<NodeId, byte[]> fetched = new HashMap<>();
        for (NodeId id : plan.nodes()) {
            fetched.put(id, new byte[32]);
        }
        assertEquals(plan.proofLength(), plan.assemble(fetched).size());
        fetched.remove(plan.nodes().get(0));
        assertThrows(IllegalArgumentException.class, () -> plan.assemble(fetched));
        fetched.put(plan.nodes().get(0), new byte[16]);
        assertThrows(IllegalArgumentException.class, () -> plan.assemble(fetched));
    }
}
