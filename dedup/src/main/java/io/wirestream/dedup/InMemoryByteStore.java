package io.wirestream.dedup;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A {@link ByteStore} on a hash map, for the single-process index and its benchmark. Reports the
 * payload it holds ({@link #payloadBytes()}: the sum of key and value lengths, which is what a
 * changelog topic and, before compression and per-entry overhead, RocksDB hold). Not thread-safe.
 */
public final class InMemoryByteStore implements ByteStore {

    private final Map<ByteBuffer, byte[]> map = new HashMap<>();
    private long payloadBytes;

    @Override
    public byte[] get(byte[] key) {
        return map.get(ByteBuffer.wrap(key));
    }

    @Override
    public void put(byte[] key, byte[] value) {
        byte[] old = map.put(ByteBuffer.wrap(key.clone()), value);
        payloadBytes += value.length - (old == null ? -key.length : old.length);
    }

    @Override
    public void delete(byte[] key) {
        byte[] old = map.remove(ByteBuffer.wrap(key));
        if (old != null) {
            payloadBytes -= key.length + old.length;
        }
    }

    @Override
    public int rewriteAll(BiFunction<byte[], byte[], byte[]> rewrite) {
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<ByteBuffer, byte[]> e : map.entrySet()) {
            byte[] key = e.getKey().array();
            byte[] updated = rewrite.apply(key, e.getValue());
            if (updated != e.getValue()) {
                changes.add(new Change(key, updated));
            }
        }
        apply(changes);
        return changes.size();
    }

    /** @return number of keys */
    public int size() {
        return map.size();
    }

    /** @return the sum of key and value lengths in bytes */
    public long payloadBytes() {
        return payloadBytes;
    }
}
