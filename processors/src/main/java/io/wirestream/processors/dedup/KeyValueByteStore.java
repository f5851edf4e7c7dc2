package io.wirestream.processors.dedup;

import io.wirestream.dedup.ByteStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** The dedup index's {@link ByteStore} on a Kafka Streams key-value store (RocksDB with a changelog). */
final class KeyValueByteStore implements ByteStore {

    private final KeyValueStore<Bytes, byte[]> store;

    KeyValueByteStore(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    @Override
    public byte[] get(byte[] key) {
        return store.get(Bytes.wrap(key));
    }

    @Override
    public void put(byte[] key, byte[] value) {
        store.put(Bytes.wrap(key), value);
    }

    @Override
    public void delete(byte[] key) {
        store.delete(Bytes.wrap(key));
    }

    @Override
    public int rewriteAll(BiFunction<byte[], byte[], byte[]> rewrite) {
        // changes are collected and applied after the iterator is closed: writing while iterating a
        // RocksDB store is allowed but the iterator would not see a consistent snapshot in memory stores
        List<Change> changes = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                byte[] updated = rewrite.apply(kv.key.get(), kv.value);
                if (updated != kv.value) {
                    changes.add(new Change(kv.key.get(), updated));
                }
            }
        }
        apply(changes);
        return changes.size();
    }
}
