package org.heteronym.crypto.pseudonym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The word lists are part of the derivation: fixed shape, and exactly what docs/forums.md publishes. */
class HandleWordsTest {

    @Test
    void eachListHas256SortedDistinctShortWordsAndNoneIsInBoth() {
        for (List<String> list : List.of(HandleWords.ADJECTIVES, HandleWords.NOUNS)) {
            assertEquals(256, list.size());
            assertEquals(256, new HashSet<>(list).size());
            assertEquals(list.stream().sorted().toList(), list);
            list.forEach(word -> assertTrue(word.matches("[a-z]{3,5}"), word));
        }
        Set<String> both = new HashSet<>(HandleWords.ADJECTIVES);
        both.retainAll(HandleWords.NOUNS);
        assertTrue(both.isEmpty(), both.toString());
    }

    @Test
    void theDocumentPublishesTheSameLists() throws Exception {
        String docs = Files.readString(Path.of("docs/forums.md"));
        assertEquals(HandleWords.ADJECTIVES, listAfter(docs, "<!-- handle-adjectives"));
        assertEquals(HandleWords.NOUNS, listAfter(docs, "<!-- handle-nouns"));
    }

    private static List<String> listAfter(String docs, String marker) {
        int at = docs.indexOf(marker);
        assertTrue(at >= 0, marker);
        int start = docs.indexOf("```text\n", at) + "```text\n".length();
        String block = docs.substring(start, docs.indexOf("```", start));
        return Arrays.stream(block.split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
