package io.wirestream.processors.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirestream.dedup.ArticleSignature;
import io.wirestream.dedup.DedupParameters;
import io.wirestream.dedup.IndexCodec;
import io.wirestream.dedup.SignatureFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class ProbeRoutingTest {

    private static List<byte[]> keysOf(String id, String url, String body) {
        ArticleSignature s = new SignatureFactory(DedupParameters.DEFAULTS).sign(id, url, body, 0L);
        return IndexCodec.indexKeys(s);
    }

    @Test
    void shouldPickThePartitionTheProducersDefaultPartitionerPicksForTheHexKey() {
        List<byte[]> keys = keysOf("a", "https://daily.example/library", DedupSamples.STORY);
        assertEquals(18, keys.size());
        for (int partitions : new int[] {1, 2, 3, 6, 12, 50}) {
            for (byte[] key : keys) {
                byte[] serialized = ProbeRouting.hex(key).getBytes(StandardCharsets.UTF_8);
                assertEquals(BuiltInPartitioner.partitionForKey(serialized, partitions), ProbeRouting.partitionOf(key, partitions),
                        "key " + ProbeRouting.hex(key) + " with " + partitions + " partitions");
            }
        }
    }

    @Test
    void shouldGroupEveryKeyExactlyOnceWithOneGroupPerPartition() {
        List<byte[]> keys = keysOf("a", "https://daily.example/library", DedupSamples.STORY);
        Map<Integer, List<byte[]>> groups = ProbeRouting.group(keys, 6);
        assertTrue(groups.size() <= 6 && groups.size() > 1, "groups " + groups.keySet());
        List<byte[]> all = new ArrayList<>();
        groups.forEach((partition, group) -> {
            group.forEach(k -> assertEquals(partition, ProbeRouting.partitionOf(k, 6)));
            all.addAll(group);
        });
        assertEquals(keys.size(), all.size());
        for (int i = 0; i < keys.size(); i++) {
            byte[] k = keys.get(i);
            assertTrue(all.stream().anyMatch(x -> java.util.Arrays.equals(x, k)), "key " + i + " in a group");
        }
        assertEquals(1, ProbeRouting.group(keys, 1).size());
    }

    @Test
    void shouldRefuseAPartitionCountBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> ProbeRouting.partitionOf(new byte[] {1}, 0));
    }
}
